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
  private final Direction stream;
  private final double toxicity;

  FaultTarget(String service) {
    this(Checks.name(service, "service"), Direction.DOWNSTREAM, 1.0);
  }

  private FaultTarget(String service, Direction stream, double toxicity) {
    this.service = service;
    this.stream = stream;
    this.toxicity = Checks.probability(toxicity, "toxicity");
  }

  /** Toxics affect client-to-server bytes. */
  public FaultTarget upstream() {
    return new FaultTarget(service, Direction.UPSTREAM, toxicity);
  }

  /** Toxics affect server-to-client bytes (the default). */
  public FaultTarget downstream() {
    return new FaultTarget(service, Direction.DOWNSTREAM, toxicity);
  }

  /** The probability (0..1) that a connection is affected by the toxic; 1 by default. */
  public FaultTarget toxicity(double probability) {
    return new FaultTarget(service, stream, probability);
  }

  /** The service is down: new connections are refused and open ones closed. */
  public Fault refuseConnections() {
    return Fault.of(service, new RefuseConnections());
  }

  /** Adds {@code latency} to every chunk of data. */
  public Fault latency(Duration latency) {
    return latency(latency, Duration.ZERO);
  }

  /** Adds {@code latency} plus or minus a random {@code jitter} (seeded) to every chunk of data. */
  public Fault latency(Duration latency, Duration jitter) {
    return toxic(ToxicType.LATENCY, "latency", millis(latency, "latency"), "jitter", millis(jitter, "jitter"));
  }

  /** Limits the rate to {@code kilobytesPerSecond} KB/s (1 KB = 1000 bytes); 0 stalls the stream, keeping it open. */
  public Fault bandwidth(long kilobytesPerSecond) {
    return toxic(ToxicType.BANDWIDTH, "rate", Checks.nonNegative(kilobytesPerSecond, "bandwidth rate"));
  }

  /** Stops all data and closes the connection after {@code timeout}; {@link Duration#ZERO} = never closes. */
  public Fault timeout(Duration timeout) {
    return toxic(ToxicType.TIMEOUT, "timeout", millis(timeout, "timeout"));
  }

  /** Resets connections (TCP RST) at once. */
  public Fault resetPeer() {
    return resetPeer(Duration.ZERO);
  }

  /** Resets connections (TCP RST) after {@code timeout}. */
  public Fault resetPeer(Duration timeout) {
    return toxic(ToxicType.RESET_PEER, "timeout", millis(timeout, "reset timeout"));
  }

  /** Slices data into chunks of about {@code averageSize} bytes (± {@code sizeVariation}), {@code delay} apart. */
  public Fault slicer(int averageSize, int sizeVariation, Duration delay) {
    long micros = Checks.nonNegative(delay, "slicer delay").toNanos() / 1000;
    return toxic(ToxicType.SLICER, "average_size", positive(averageSize, "slicer average size"),
        "size_variation", Checks.nonNegative(sizeVariation, "slicer size variation"), "delay", micros);
  }

  /** Closes the connection once {@code bytes} bytes have passed. */
  public Fault limitData(long bytes) {
    return toxic(ToxicType.LIMIT_DATA, "bytes", Checks.nonNegative(bytes, "data limit"));
  }

  /** Delays the close of a connection by {@code delay}. */
  public Fault slowClose(Duration delay) {
    return toxic(ToxicType.SLOW_CLOSE, "delay", millis(delay, "slow close delay"));
  }

  /** Starts a primitive on the service's container (kill, restart, pause, disk full). */
  public ContainerTarget container() {
    return new ContainerTarget(service);
  }

  /** Starts a primitive on the service's network at its proxy (partition, firewall, flapping, slow, lossy link). */
  public NetworkTarget network() {
    return new NetworkTarget(service);
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

  /** Starts an AMQP 0-9-1 (RabbitMQ) rule. */
  public AmqpRule amqp() {
    return new AmqpRule(service);
  }

  /** Starts a NATS rule. */
  public NatsRule nats() {
    return new NatsRule(service);
  }

  /** Starts a MongoDB rule. */
  public MongoRule mongo() {
    return new MongoRule(service);
  }

  /** Starts a Memcached rule. */
  public MemcachedRule memcached() {
    return new MemcachedRule(service);
  }

  /** Starts a gRPC rule. */
  public GrpcRule grpc() {
    return new GrpcRule(service);
  }

  /** Adds a toxic of any type with Toxiproxy's attribute names and units, e.g. {@code toxic(LATENCY, Map.of("latency", 3000L))}. */
  public Fault toxic(ToxicType type, Map<String, Long> attributes) {
    return Fault.of(service, new Toxic(null, type, stream, toxicity, attributes));
  }

  private Fault toxic(ToxicType type, Object... keysAndValues) {
    Map<String, Long> attributes = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
    }
    return toxic(type, attributes);
  }

  private static long millis(Duration duration, String what) {
    return Checks.nonNegative(duration, what).toMillis();
  }

  private static long positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be > 0, was [" + value + "]");
    }
    return value;
  }
}
