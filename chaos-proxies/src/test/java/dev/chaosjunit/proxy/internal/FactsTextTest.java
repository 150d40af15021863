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

  @Test
  void credentialsNeverReachTheText() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";
    MessageFacts request = MessageFacts.of("http").put("method", "GET").put("path", "/orders")
        .put("header.authorization", "Bearer " + jwt).put("header.cookie", "session=abc123")
        .put("header.x-trace", "token " + jwt).build();
    MessageFacts call = MessageFacts.of("grpc").put("method", "/users.Users/Get").put("metadata.authorization", jwt)
        .build();
    MessageFacts query = MessageFacts.of("postgres").put("command", "ALTER")
        .put("sql", "ALTER ROLE app PASSWORD 'it''s-s3cret' VALID UNTIL 'infinity'").build();
    MessageFacts mysql = MessageFacts.of("mysql").put("sql", "CREATE USER app IDENTIFIED BY 'hunter2'").build();

    assertThat(FactsText.of(request, Set.of("path"))).isEqualTo("path=/orders header.authorization=Bearer [redacted]"
        + " header.cookie=[redacted] header.x-trace=token [redacted] method=GET");
    assertThat(FactsText.of(call, Set.of())).isEqualTo("metadata.authorization=[redacted] method=/users.Users/Get");
    assertThat(FactsText.of(query, Set.of())).isEqualTo(
        "command=ALTER sql=ALTER ROLE app PASSWORD '[redacted]' VALID UNTIL 'infinity'");
    assertThat(FactsText.of(mysql, Set.of())).isEqualTo("sql=CREATE USER app IDENTIFIED BY '[redacted]'");
  }
}
