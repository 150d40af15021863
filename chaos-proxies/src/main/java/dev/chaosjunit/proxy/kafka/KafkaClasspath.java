package dev.chaosjunit.proxy.kafka;

/** Checks that kafka-clients, an optional dependency of the proxy engine, is there. */
final class KafkaClasspath {

  private static final String PROBE = "org.apache.kafka.common.protocol.ApiKeys";

  private KafkaClasspath() {}

  static void require() {
    try {
      Class.forName(PROBE, false, KafkaClasspath.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The kafka protocol inspector needs org.apache.kafka:kafka-clients"
          + " (4.x) on the class path, and it is not there: add it as a (test) dependency of your project", e);
    }
  }
}
