package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apiguardian.api.API;

/**
 * Kafka producer records per second ({@code acks=all}, idempotent, 100-byte values, {@code linger.ms=5}).
 * The broker advertises its own address on one listener (direct; the protocol-aware proxy rewrites it)
 * and the L4 relay's on another, so every route carries all of the producer's connections.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KafkaProduce implements Workload {

  private final String topic;
  private final Duration duration;

  public KafkaProduce(String topic, Duration duration) {
    this.topic = topic;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "kafka";
  }

  /** A Kafka broker in a container on the host's network ({@code Images.kafka()}; needs Docker). */
  @Override
  public Workload.Server startServer() {
    return KafkaBroker.start();
  }

  @Override
  public List<Figure> run(InetSocketAddress address) {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + address.getPort(),
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
    AtomicReference<Exception> failure = new AtomicReference<>();
    byte[] value = new byte[100];
    long sent = 0;
    long start;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.partitionsFor(topic);
      start = System.nanoTime();
      long end = start + duration.toNanos();
      while (System.nanoTime() < end && failure.get() == null) {
        producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> failure.compareAndSet(null, e));
        sent++;
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a benchmark record failed", failure.get());
    }
    return List.of(Figure.rate("Kafka produce, acks=all", "records/s", sent, System.nanoTime() - start));
  }
}
