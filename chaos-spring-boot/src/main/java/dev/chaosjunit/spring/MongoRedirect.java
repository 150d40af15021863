package dev.chaosjunit.spring;

import com.mongodb.ConnectionString;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/** MongoDB details: the connection string's upstream {@code host:port} becomes the proxy's. */
final class MongoRedirect extends ProxiedConnectionDetails.Redirect<MongoConnectionDetails> {

  MongoRedirect() {
    super(MongoConnectionDetails.class);
  }

  @Override
  ConnectionDetails apply(MongoConnectionDetails mongo, Upstreams upstreams) {
    return upstreams.rewrite(mongo.getConnectionString().getConnectionString())
        .<ConnectionDetails>map(url -> new Proxied(mongo, new ConnectionString(url))).orElse(mongo);
  }

  private record Proxied(MongoConnectionDetails original, ConnectionString connectionString)
      implements MongoConnectionDetails {

    @Override
    public ConnectionString getConnectionString() {
      return connectionString;
    }

    @Override
    public @Nullable SslBundle getSslBundle() {
      return original.getSslBundle();
    }
  }
}
