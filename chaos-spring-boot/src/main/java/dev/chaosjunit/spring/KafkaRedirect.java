package dev.chaosjunit.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Kafka details: bootstrap servers that name a broker's upstream name its proxy instead, for every
 * client kind (the proxy rewrites the brokers advertised in metadata, so clients stay on it).
 */
final class KafkaRedirect extends ProxiedConnectionDetails.Redirect<KafkaConnectionDetails> {

  KafkaRedirect() {
    super(KafkaConnectionDetails.class);
  }

  @Override
  ConnectionDetails apply(KafkaConnectionDetails kafka, Upstreams upstreams) {
    return upstreams.rewrite(kafka.getBootstrapServers())
        .<ConnectionDetails>map(servers -> new Proxied(kafka, upstreams)).orElse(kafka);
  }

  private record Proxied(KafkaConnectionDetails original, Upstreams upstreams) implements KafkaConnectionDetails {

    @Override
    public List<String> getBootstrapServers() {
      return proxied(original.getBootstrapServers());
    }

    @Override
    public @Nullable SslBundle getSslBundle() {
      return original.getSslBundle();
    }

    @Override
    public @Nullable String getSecurityProtocol() {
      return original.getSecurityProtocol();
    }

    @Override
    public Configuration getConsumer() {
      return proxied(original.getConsumer());
    }

    @Override
    public Configuration getProducer() {
      return proxied(original.getProducer());
    }

    @Override
    public Configuration getAdmin() {
      return proxied(original.getAdmin());
    }

    @Override
    public Configuration getStreams() {
      return proxied(original.getStreams());
    }

    private Configuration proxied(Configuration configuration) {
      return Configuration.of(proxied(configuration.getBootstrapServers()), configuration.getSslBundle(),
          configuration.getSecurityProtocol());
    }

    private List<String> proxied(List<String> servers) {
      return upstreams.rewrite(servers).orElse(servers);
    }
  }
}
