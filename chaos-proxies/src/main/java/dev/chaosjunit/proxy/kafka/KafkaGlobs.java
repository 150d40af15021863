package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.Glob;

/** How Kafka match keys compile their globs (free of kafka-clients classes). */
final class KafkaGlobs {

  private KafkaGlobs() {}

  static Glob compile(String key, String pattern) {
    return switch (key) {
      case "topic" -> Glob.compile(pattern, '.', false);
      case "api" -> Glob.compile(pattern, Glob.NO_SEPARATOR, true);
      default -> Glob.compile(pattern);
    };
  }
}
