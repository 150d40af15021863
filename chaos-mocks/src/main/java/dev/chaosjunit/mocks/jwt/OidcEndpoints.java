package dev.chaosjunit.mocks.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The two HTTP endpoints of the issuer mock: OpenID discovery and the JWKS. */
final class OidcEndpoints {

  static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  static final String JWKS_PATH = "/.well-known/jwks.json";

  private final SigningKeys keys;
  private final Supplier<String> issuer;
  private final AtomicInteger jwksFetches = new AtomicInteger();

  OidcEndpoints(SigningKeys keys, Supplier<String> issuer) {
    this.keys = keys;
    this.issuer = issuer;
  }

  void register(HttpServer server) {
    server.createContext(DISCOVERY_PATH, exchange -> send(exchange, discovery()));
    server.createContext(JWKS_PATH, exchange -> {
      jwksFetches.incrementAndGet();
      send(exchange, keys.publicSet().toString());
    });
  }

  int jwksFetches() {
    return jwksFetches.get();
  }

  private String discovery() {
    return JSONObjectUtils.toJSONString(Map.of(
        "issuer", issuer.get(),
        "jwks_uri", issuer.get() + JWKS_PATH,
        "response_types_supported", List.of("id_token"),
        "subject_types_supported", List.of("public"),
        "id_token_signing_alg_values_supported", List.of("RS256")));
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
