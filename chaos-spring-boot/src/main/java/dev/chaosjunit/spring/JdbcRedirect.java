package dev.chaosjunit.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** JDBC ({@code DataSource}) details: the JDBC URL's host and port become the proxy's. */
final class JdbcRedirect extends ProxiedConnectionDetails.Redirect<JdbcConnectionDetails> {

  JdbcRedirect() {
    super(JdbcConnectionDetails.class);
  }

  @Override
  ConnectionDetails apply(JdbcConnectionDetails jdbc, Upstreams upstreams) {
    return upstreams.rewrite(jdbc.getJdbcUrl()).<ConnectionDetails>map(url -> new Proxied(jdbc, url)).orElse(jdbc);
  }

  private record Proxied(JdbcConnectionDetails original, String jdbcUrl) implements JdbcConnectionDetails {

    @Override
    public @Nullable String getUsername() {
      return original.getUsername();
    }

    @Override
    public @Nullable String getPassword() {
      return original.getPassword();
    }

    @Override
    public String getJdbcUrl() {
      return jdbcUrl;
    }

    @Override
    public String getDriverClassName() {
      return original.getDriverClassName();
    }

    @Override
    public @Nullable String getXaDataSourceClassName() {
      return original.getXaDataSourceClassName();
    }
  }
}
