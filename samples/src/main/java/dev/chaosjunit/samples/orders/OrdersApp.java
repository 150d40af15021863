package dev.chaosjunit.samples.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders HTTP service (Javalin on Jetty).
 *
 * <ul>
 *   <li>{@code GET /healthz}: always 200 while the process serves HTTP; it calls no dependency.
 *   <li>{@code GET /orders}: the caller's orders (cached in Redis, else from PostgreSQL).
 *   <li>{@code POST /orders}: region from geo-config, reservation from balance-api, stored in
 *       PostgreSQL, event to Kafka; 201 with the order.
 *   <li>{@code POST /session/refresh}: the caller's current account from user-service.
 * </ul>
 * Every endpoint but health needs a bearer JWT. Errors: 400 bad input, 401 no valid token, 503 with
 * {@code {"error", "dependency"}} when a dependency failed and nothing could stand in.
 */
public final class OrdersApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersApp.class);

  private final Dependencies dependencies;
  private final Javalin http;

  private OrdersApp(Dependencies dependencies, Javalin http) {
    this.dependencies = dependencies;
    this.http = http;
  }

  /** Connects to every dependency and serves HTTP on the configured port of 127.0.0.1. */
  public static OrdersApp start(OrdersConfig config) {
    return start(config, "127.0.0.1");
  }

  /** Connects to every dependency and serves HTTP on {@code host} and the configured port. */
  public static OrdersApp start(OrdersConfig config, String host) {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Dependencies dependencies = Dependencies.connect(config);
    OrdersService service = dependencies.service(json, config.resilience().cacheFallback());
    TokenVerifier tokens = new TokenVerifier(config.jwksUri(), config.issuer());
    Javalin http = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.jsonMapper(new JavalinJackson(json, false));
    });
    routes(http, service, tokens);
    http.start(host, config.httpPort());
    LOG.info("Orders service on port {} with {}", http.port(), config.resilience());
    return new OrdersApp(dependencies, http);
  }

  /**
   * Runs the service from {@code ORDERS_*} environment variables (see {@link OrdersConfig#from}),
   * serving HTTP on {@code ORDERS_HTTP_HOST} (default 127.0.0.1; 0.0.0.0 in a container).
   */
  public static void main(String[] args) {
    String host = System.getenv().getOrDefault("ORDERS_HTTP_HOST", "127.0.0.1");
    OrdersApp app = start(OrdersConfig.from(System::getenv), host);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "orders-shutdown"));
  }

  /** The HTTP port it listens on. */
  public int port() {
    return http.port();
  }

  /** How many order events could not be published (orders stored regardless). */
  public long eventsFailed() {
    return dependencies.service().eventsFailed();
  }

  /**
   * Whether the database pool is full again after an outage: until then the pool opens connections in
   * the background, traffic that no request caused.
   */
  public boolean databasePoolFull() {
    return dependencies.repository().poolFull();
  }

  @Override
  public void close() {
    http.stop();
    dependencies.close();
  }

  private static void routes(Javalin http, OrdersService service, TokenVerifier tokens) {
    http.get("/healthz", ctx -> ctx.json(Map.of("status", "UP")));
    http.get("/orders", ctx -> ctx.json(service.list(subject(ctx, tokens))));
    http.post("/orders", ctx -> ctx.status(HttpStatus.CREATED).json(
        service.create(subject(ctx, tokens), ctx.bodyAsClass(Order.Request.class))));
    http.post("/session/refresh", ctx -> ctx.json(service.refreshSession(subject(ctx, tokens))));
    http.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage(), null));
    http.exception(Unauthorized.class, (e, ctx) -> error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage(), null));
    http.exception(DependencyFailure.class, (e, ctx) -> {
      LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e.dependency());
    });
  }

  private static String subject(Context ctx, TokenVerifier tokens) {
    return tokens.subject(ctx.header("Authorization"));
  }

  private static void error(Context ctx, HttpStatus status, String message, String dependency) {
    ctx.status(status).json(dependency == null ? Map.of("error", message)
        : Map.of("error", message, "dependency", dependency));
  }
}
