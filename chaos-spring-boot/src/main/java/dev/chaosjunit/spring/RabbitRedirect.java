package dev.chaosjunit.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails.Address;
import org.springframework.boot.ssl.SslBundle;

/** RabbitMQ details: each address that is a broker's upstream becomes its proxy's. */
final class RabbitRedirect extends ProxiedConnectionDetails.Redirect<RabbitConnectionDetails> {

  RabbitRedirect() {
    super(RabbitConnectionDetails.class);
  }

  @Override
  ConnectionDetails apply(RabbitConnectionDetails rabbit, Upstreams upstreams) {
    List<Address> addresses = rabbit.getAddresses().stream().map(address -> upstreams.proxyOf(address.host(),
        address.port()).map(proxy -> new Address(proxy.host(), proxy.port())).orElse(address)).toList();
    return addresses.equals(rabbit.getAddresses()) ? rabbit : new Proxied(rabbit, addresses);
  }

  private record Proxied(RabbitConnectionDetails original, List<Address> addresses) implements RabbitConnectionDetails {

    @Override
    public @Nullable String getUsername() {
      return original.getUsername();
    }

    @Override
    public @Nullable String getPassword() {
      return original.getPassword();
    }

    @Override
    public @Nullable String getVirtualHost() {
      return original.getVirtualHost();
    }

    @Override
    public List<Address> getAddresses() {
      return addresses;
    }

    @Override
    public @Nullable SslBundle getSslBundle() {
      return original.getSslBundle();
    }
  }
}
