package dev.chaosjunit.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** JDBC ({@code DataSource}) details: the JDBC URL's host and port become the proxy's. */
final class JdbcRedirect implements ProxiedConnectionDetails.Redirect {

  @Override
  public boolean accepts(ConnectionDetails details) {
    return details instanceof JdbcConnectionDetails;
  }

  @Override
  public ConnectionDetails apply(ConnectionDetails details, Upstreams upstreams) {
    JdbcConnectionDetails jdbc = (JdbcConnectionDetails) details;
    return upstreams.rewrite(jdbc.getJdbcUrl()).<ConnectionDetails>map(url -> new Proxied(jdbc, url)).orElse(details);
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
