package dev.chaosjunit.samples.orders;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one event per created order to Kafka and waits for the broker's acknowledgement.
 * With the publish timeout on, the producer blocks at most 1 s for metadata, a request lives 1 s,
 * a delivery 2 s, and the caller waits at most 2.5 s; off, the Kafka client's defaults apply
 * (60 s of blocking for metadata, 2 min per delivery).
 */
final class OrderEvents implements AutoCloseable {

  static final String DEPENDENCY = "kafka";
  private static final Duration WAIT = Duration.ofMillis(2500);

  private final KafkaProducer<String, String> producer;
  private final boolean bounded;

  OrderEvents(String bootstrapServers, boolean publishTimeout) {
    this.bounded = publishTimeout;
    Map<String, Object> settings = new java.util.HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "orders-service",
        ProducerConfig.ACKS_CONFIG, "all"));
    if (publishTimeout) {
      settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
      settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
      settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
      settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    }
    this.producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
  }

  /** Sends the event and waits for the acknowledgement (bounded if the timeout is on). */
  void publish(Order order, String json) {
    try {
      Future<RecordMetadata> sent = producer.send(
          new ProducerRecord<>(OrdersConfig.ORDER_EVENTS_TOPIC, Long.toString(order.id()), json));
      if (bounded) {
        sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        sent.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DependencyFailure(DEPENDENCY, "interrupted while publishing", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new DependencyFailure(DEPENDENCY, "publishing order " + order.id() + " failed: " + e, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(1));
  }
}
