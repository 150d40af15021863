package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

/** Facts are reused only while every key is the same, in the same order. */
class FactsMemoTest {

  private final FactsMemo memo = new FactsMemo();

  @Test
  void handsOutTheSameFactsForTheSameKeys() {
    MessageFacts first = memo.facts(ApiKeys.PRODUCE, "app", List.of("orders", "audit"), List.of());

    assertThat(memo.facts(ApiKeys.PRODUCE, "app", List.of("orders", "audit"), List.of())).isSameAs(first);
    assertThat(first.get("api")).containsExactly("PRODUCE", "Produce");
    assertThat(first.get("client_id")).containsExactly("app");
    assertThat(first.get("topic")).containsExactly("orders", "audit");
  }

  @Test
  void buildsNewFactsWhenAnyKeyDiffers() {
    MessageFacts first = memo.facts(ApiKeys.PRODUCE, "app", List.of("orders", "audit"), List.of());

    assertThat(memo.facts(ApiKeys.PRODUCE, "app", List.of("audit", "orders"), List.of()).get("topic"))
        .containsExactly("audit", "orders");
    assertThat(memo.facts(ApiKeys.FETCH, "app", List.of("audit", "orders"), List.of()).get("api"))
        .containsExactly("FETCH", "Fetch");
    assertThat(memo.facts(ApiKeys.FETCH, "other", List.of("audit", "orders"), List.of()).get("client_id"))
        .containsExactly("other");
    assertThat(memo.facts(ApiKeys.FETCH, "other", List.of("audit", "orders"), List.of("g")).get("group"))
        .containsExactly("g");
    assertThat(memo.facts(ApiKeys.PRODUCE, "app", List.of("orders", "audit"), List.of())).isNotSameAs(first)
        .isEqualTo(first);
  }
}
