package dev.chaosjunit.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageFactsTest {

  @Test
  void theBuilderKeepsEveryKeyWithItsLastValuesFromNoneToMoreThanThreeKeys() {
    assertThat(MessageFacts.of("p").build().values()).isEmpty();
    assertThat(MessageFacts.of("p").put("a", "1").put("b", List.of("2", "3")).put("a", "4").build().values())
        .isEqualTo(Map.of("a", List.of("4"), "b", List.of("2", "3")));
    assertThat(MessageFacts.of("p").put("a", "1").put("b", "2").put("c", "3").build().values())
        .isEqualTo(Map.of("a", List.of("1"), "b", List.of("2"), "c", List.of("3")));
    MessageFacts five = MessageFacts.of("p").put("a", "1").put("b", "2").put("c", "3").put("d", "4").put("b", "5")
        .put("e").build();
    assertThat(five.values()).isEqualTo(Map.of("a", List.of("1"), "b", List.of("5"), "c", List.of("3"),
        "d", List.of("4"), "e", List.of()));
    assertThat(five.get("b")).containsExactly("5");
    assertThat(five.get("z")).isEmpty();
  }

  @Test
  void aSingleFactIsTheSameAsBuilt() {
    assertThat(MessageFacts.of("nats", "subject", "orders.new"))
        .isEqualTo(MessageFacts.of("nats").put("subject", "orders.new").build());
  }
}
