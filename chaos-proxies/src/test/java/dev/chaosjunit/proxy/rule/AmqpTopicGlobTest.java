package dev.chaosjunit.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Glob#amqpTopic} against what a RabbitMQ topic exchange routes for a binding key. */
class AmqpTopicGlobTest {

  @ParameterizedTest(name = "[{0}] on [{1}]: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      order.*        | order.created         | true
      order.*        | order                 | false
      order.*        | order.created.eu      | false
      order.*        | orders.created        | false
      order.#        | order                 | true
      order.#        | order.created.eu      | true
      order.#        | orders                | false
      #.eu           | eu                    | true
      #.eu           | order.created.eu      | true
      #.eu           | order.created.euro    | false
      order.#.eu     | order.eu              | true
      order.#.eu     | order.a.b.eu          | true
      order.#.eu     | ordereu               | false
      *.created.#    | order.created         | true
      *.created.#    | created               | false
      #              | ~~                    | true
      #              | a.b.c                 | true
      #.#            | a                     | true
      #.*            | a                     | true
      #.*            | ~~                    | false
      *              | a.b                   | false
      order*         | orders                | false
      order*         | order*                | true
      a.?            | a.b                   | false
      Order.*        | order.x               | false
      """)
  void matchesAsATopicExchange(String pattern, String routingKey, boolean expected) {
    assertThat(Glob.amqpTopic(pattern).matches(routingKey)).isEqualTo(expected);
  }
}
