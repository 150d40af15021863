package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The service a fault is being built for, with the stream and toxicity its L4 toxics use. Each toxic
 * method ends the build and returns the {@link Fault}; the protocol methods start a rule builder.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FaultTarget {

  private final String service;
  private final Stream stream;
  private final double toxicity;

  FaultTarget(String service) {
    this(Fault.requireName(service, "service"), Stream.DOWNSTREAM, 1.0);
  }

  private FaultTarget(String service, Stream stream, double toxicity) {
    this.service = service;
    this.stream = stream;
    this.toxicity = Fault.requireProbability(toxicity, "toxicity");
  }

  /** Toxics affect client-to-server bytes. */
  public FaultTarget upstream() {
    return new FaultTarget(service, Stream.UPSTREAM, toxicity);
  }

  /** Toxics affect server-to-client bytes (the default). */
  public FaultTarget downstream() {
    return new FaultTarget(service, Stream.DOWNSTREAM, toxicity);
  }

  /** The probability (0..1) that a connection is affected by the toxic; 1 by default. */
  public FaultTarget toxicity(double probability) {
    return new FaultTarget(service, stream, probability);
  }

  /** The service is down: new connections are refused and open ones closed. */
  public Fault refuseConnections() {
    return Fault.of(new RefuseConnections(service));
  }

  /** Adds {@code latency} to every chunk of data. */
  public Fault latency(Duration latency) {
    return latency(latency, Duration.ZERO);
  }

  /** Adds {@code latency} plus or minus a random {@code jitter} (seeded) to every chunk of data. */
  public Fault latency(Duration latency, Duration jitter) {
    return toxic("latency", "latency", millis(latency, "latency"), "jitter", millis(jitter, "jitter"));
  }

  /** Limits the rate to {@code kilobytesPerSecond} KB/s. */
  public Fault bandwidth(long kilobytesPerSecond) {
    return toxic("bandwidth", "rate", positive(kilobytesPerSecond, "bandwidth rate"));
  }

  /** Stops all data and closes the connection after {@code timeout}; {@link Duration#ZERO} = never closes. */
  public Fault timeout(Duration timeout) {
    return toxic("timeout", "timeout", millis(timeout, "timeout"));
  }

  /** Resets connections (TCP RST) at once. */
  public Fault resetPeer() {
    return resetPeer(Duration.ZERO);
  }

  /** Resets connections (TCP RST) after {@code timeout}. */
  public Fault resetPeer(Duration timeout) {
    return toxic("reset_peer", "timeout", millis(timeout, "reset timeout"));
  }

  /** Slices data into chunks of about {@code averageSize} bytes (± {@code sizeVariation}), {@code delay} apart. */
  public Fault slicer(int averageSize, int sizeVariation, Duration delay) {
    long micros = Fault.requireNonNegative(delay.toNanos() / 1000, "slicer delay");
    return toxic("slicer", "average_size", positive(averageSize, "slicer average size"),
        "size_variation", Fault.requireNonNegative(sizeVariation, "slicer size variation"), "delay", micros);
  }

  /** Closes the connection once {@code bytes} bytes have passed. */
  public Fault limitData(long bytes) {
    return toxic("limit_data", "bytes", Fault.requireNonNegative(bytes, "data limit"));
  }

  /** Delays the close of a connection by {@code delay}. */
  public Fault slowClose(Duration delay) {
    return toxic("slow_close", "delay", millis(delay, "slow close delay"));
  }

  /** Starts a PostgreSQL rule. */
  public PostgresRule postgres() {
    return new PostgresRule(service);
  }

  /** Starts a MySQL / MariaDB rule. */
  public MysqlRule mysql() {
    return new MysqlRule(service);
  }

  /** Starts a Redis rule. */
  public RedisRule redis() {
    return new RedisRule(service);
  }

  /** Starts an HTTP/1.1 rule. */
  public HttpRule http() {
    return new HttpRule(service);
  }

  /** Starts a Kafka rule. */
  public KafkaRule kafka() {
    return new KafkaRule(service);
  }

  /** Starts a gRPC rule. */
  public GrpcRule grpc() {
    return new GrpcRule(service);
  }

  /** Starts a rule for any protocol the engine knows, with raw match keys and parameters. */
  public GenericRule rule(String protocol) {
    return new GenericRule(service, protocol);
  }

  private Fault toxic(String type, Object... keysAndValues) {
    Map<String, Long> attributes = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
    }
    return Fault.of(new Toxic(service, type, stream, toxicity, attributes));
  }

  private static long millis(Duration duration, String what) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(what + " must be a non-negative duration, was [" + duration + "]");
    }
    return duration.toMillis();
  }

  private static long positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be > 0, was [" + value + "]");
    }
    return value;
  }
}
