package dev.chaosjunit.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Glob#natsSubject} against what nats-server delivers to a subscription. */
class NatsSubjectGlobTest {

  @ParameterizedTest(name = "[{0}] on [{1}]: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      orders.*          | orders.created        | true
      orders.*          | orders                | false
      orders.*          | orders.created.eu     | false
      orders.*          | ordersX.created       | false
      orders.>          | orders.created        | true
      orders.>          | orders.created.eu     | true
      orders.>          | orders                | false
      orders.>          | orders.               | false
      orders.*          | orders.               | false
      >                 | a                     | true
      >                 | a.b.c                 | true
      *.created.>       | orders.created.eu     | true
      *.created.>       | orders.created        | false
      *                 | a.b                   | false
      orders.*.eu       | orders.new.eu         | true
      orders.*.eu       | orders.new.us         | false
      order*            | orders                | false
      order*            | order*                | true
      a.?               | a.b                   | false
      Orders.*          | orders.x              | false
      """)
  void matchesAsNatsServerMatchesSubscriptions(String pattern, String subject, boolean expected) {
    assertThat(Glob.natsSubject(pattern).matches(subject)).isEqualTo(expected);
  }

  @Test
  void rejectsAFullWildcardBeforeTheLastTokenAndEmptyTokens() {
    assertThatThrownBy(() -> Glob.natsSubject("orders.>.eu")).hasMessage("NATS subject pattern [orders.>.eu]"
        + " has [>] before its last token: [>] matches the rest of a subject, so it can only end a pattern, e.g. orders.>");
    assertThatThrownBy(() -> Glob.natsSubject("orders..eu")).hasMessage("NATS subject pattern [orders..eu] has an"
        + " empty token: tokens are divided by single dots, e.g. orders.*.created");
  }
}
