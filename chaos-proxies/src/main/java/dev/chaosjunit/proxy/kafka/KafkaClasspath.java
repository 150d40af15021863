package dev.chaosjunit.proxy.kafka;

/**
 * Checks that kafka-clients, an optional dependency of the proxy engine, is there, and in a version
 * whose message classes the inspector is built against (4.x: Produce v13 with topic ids).
 */
final class KafkaClasspath {

  private static final String PROBE = "org.apache.kafka.common.protocol.ApiKeys";
  private static final int FIRST_MAJOR = 4;

  private KafkaClasspath() {}

  static void require() {
    try {
      Class.forName(PROBE, false, KafkaClasspath.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The kafka protocol inspector needs org.apache.kafka:kafka-clients"
          + " (4.x) on the class path, and it is not there: add it as a (test) dependency of your project", e);
    }
    requireVersion(org.apache.kafka.common.utils.AppInfoParser.getVersion());
  }

  /** Fails, naming the fix, when {@code version} (kafka-clients' own) is older than 4.0. */
  static void requireVersion(String version) {
    int major;
    try {
      major = Integer.parseInt(version.substring(0, version.indexOf('.')));
    } catch (RuntimeException e) {
      return; // a build without a readable version (e.g. "unknown"): the inspector tries it
    }
    if (major < FIRST_MAJOR) {
      throw new IllegalStateException("The kafka protocol inspector needs org.apache.kafka:kafka-clients 4.x,"
          + " and the class path has " + version + " (Spring Boot 3.5 manages 3.9.x): declare the service"
          + " with protocol = ChaosProtocol.TCP for connection-level faults only, or use kafka-clients 4.x"
          + " in the tests (<kafka.version>4.1.2</kafka.version> with Spring Boot's parent)");
    }
  }
}
