package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsTextTest {

  @Test
  void keysTheRuleMatchedOnComeFirstEvenWhenTheTextIsCut() {
    MessageFacts.Builder call = MessageFacts.of("grpc").put("method", "/shop.Orders/Place");
    for (int i = 0; i < 20; i++) {
      call.put("metadata.a-header-" + i, "value-" + i);
    }
    String text = FactsText.of(call.build(), Set.of("method"));

    assertThat(text).startsWith("method=/shop.Orders/Place metadata.a-header-0=value-0").hasSize(200).endsWith("...");
  }

  @Test
  void otherKeysFollowInKeyOrderAndListsKeepTheirValues() {
    MessageFacts facts = MessageFacts.of("redis").put("key", "a", "b").put("command", "MGET").build();

    assertThat(FactsText.of(facts, Set.of())).isEqualTo("command=MGET key=[a, b]");
    assertThat(FactsText.of(facts, Set.of("key"))).isEqualTo("key=[a, b] command=MGET");
  }
}
