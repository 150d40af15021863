package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.protocol.AmqpPublishConsume;
import dev.chaosjunit.bench.protocol.GrpcUnaryCalls;
import dev.chaosjunit.bench.protocol.KafkaProduce;
import dev.chaosjunit.bench.protocol.MemcachedGetSet;
import dev.chaosjunit.bench.protocol.MongoCommands;
import dev.chaosjunit.bench.protocol.NatsPublishSubscribe;
import dev.chaosjunit.bench.protocol.PostgresTransactions;
import dev.chaosjunit.bench.protocol.ProxyRoute;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Proxy overhead on this machine, in one run, as two suites. {@code core}: every core workload on every
 * route (direct, the chaos proxy as a server process, inspecting and embedded, socat, plus routes registered
 * as {@link Route} services). {@code protocols}: pipelined Redis, PostgreSQL, Kafka, gRPC, RabbitMQ, NATS, Memcached and MongoDB loads
 * direct, through the engine as an L4 relay and through the engine decoding the protocol with a rule that
 * never matches. A
 * warm-up round first, then three measured rounds (routes interleaved, so background noise spreads over all
 * rows), printed as medians with their range and ratios. Run it with {@code chaos-benchmarks/run [all|core|protocols]}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Benchmark {

  private static final long BULK_BYTES = 256L << 20;
  /** Measured rounds unless {@code -Dchaos.bench.rounds} says otherwise (more rounds, steadier medians on a busy machine). */
  private static final int DEFAULT_ROUNDS = 3;
  private static final Duration PROTOCOL_ROW = Duration.ofSeconds(5);
  private static final double PROTOCOL_TARGET_PERCENT = 90;

  private Benchmark() {}

  /**
   * @param args nothing or {@code all}, {@code core}, {@code protocols}: which suites to run; after
   *     {@code protocols}, optionally one workload protocol ({@code redis}, {@code postgres}, {@code kafka},
   *     {@code grpc}, {@code http}, {@code amqp}, {@code nats}, {@code memcached}, {@code mongodb}) to run only that workload of the protocol suite
   */
  public static void main(String[] args) throws Exception {
    String part = args.length == 0 ? "all" : args[0];
    String only = args.length == 2 && part.equals("protocols") ? args[1] : null;
    if (args.length > (only == null ? 1 : 2) || !List.of("all", "core", "protocols").contains(part)
        || only != null && !List.of("redis", "postgres", "kafka", "grpc", "http", "amqp", "nats", "memcached", "mongodb").contains(only)) {
      throw new IllegalArgumentException("unknown arguments " + List.of(args)
          + "; run with one of: all (the default), core, protocols [redis|postgres|kafka|grpc|http|amqp|nats|memcached|mongodb]");
    }
    int rounds = rounds(System.getProperty("chaos.bench.rounds", String.valueOf(DEFAULT_ROUNDS)));
    List<Suite> suites = new ArrayList<>();
    Suite core = null;
    Suite protocols = null;
    try {
      core = part.equals("protocols") ? null : start(coreSuite(), suites);
      protocols = part.equals("core") ? null : start(protocolSuite(only), suites);
      measure(suites, rounds, System.out);
    } finally {
      for (Suite suite : suites) {
        suite.close();
      }
    }
    print(core, protocols, System.out);
  }

  /** Starts the suite's servers; it is in {@code started} (to be closed) even when that fails. */
  private static Suite start(Suite suite, List<Suite> started) throws Exception {
    started.add(suite);
    suite.startServers();
    return suite;
  }

  private static void measure(List<Suite> suites, int rounds, PrintStream out) {
    out.println("warming up (one unreported round)...");
    suites.forEach(s -> s.round(false));
    for (int i = 1; i <= rounds; i++) {
      out.println("measuring, round " + i + " of " + rounds + "...");
      for (Suite suite : suites) {
        suite.round(true);
      }
    }
  }

  /** The number of measured rounds {@code value} (of {@code -Dchaos.bench.rounds}) gives. */
  static int rounds(String value) {
    try {
      int rounds = Integer.parseInt(value.trim());
      if (rounds >= 1) {
        return rounds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("chaos.bench.rounds (CHAOS_BENCH_ROUNDS) is [" + value
        + "]: give a whole number of measured rounds of at least 1, e.g. 5");
  }

  private static void print(Suite core, Suite protocols, PrintStream out) {
    out.println("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    if (core != null) {
      core.report().print(out);
      Targets.print(core.report(), ServerProcessRoute.NAME, out);
    }
    if (protocols != null) {
      out.println();
      protocols.report().print(out);
      Targets.printRelative(protocols.report(), ProxyRoute.PROTOCOL_AWARE, PROTOCOL_TARGET_PERCENT, out);
    }
  }

  /** Redis and bulk transfer on every route, plus registered workloads and routes. */
  private static Suite coreSuite() throws Exception {
    List<Workload> workloads = new ArrayList<>(List.of(new PipelinedRedis(8, 16, Duration.ofSeconds(2)),
        new BulkTransfer(BULK_BYTES, 1), new RoundTrip(1_000, 10_000, Duration.ofSeconds(5))));
    ServiceLoader.load(Workload.class).forEach(workloads::add);
    List<Route> routes = new ArrayList<>(List.of(new DirectRoute(), new ServerProcessRoute(),
        new ServerProcessRoute("chaos-proxy server, inspecting", true), new ChaosProxyRoute(), new SocatRoute()));
    String toxiproxy = System.getProperty("chaos.bench.toxiproxy", "");
    if (!toxiproxy.isEmpty()) {
      routes.add(ServerProcessRoute.toxiproxy(Path.of(toxiproxy)));
    }
    ServiceLoader.load(Route.class).forEach(routes::add);
    Suite suite = new Suite(routes, workloads, new Report());
    RedisServer redis = RedisServer.start();
    suite.serve("redis", redis.address(), redis);
    BulkSource bulk = new BulkSource(BULK_BYTES);
    suite.serve("tcp", bulk.address(), bulk);
    suite.report().note("redis: " + redis.description());
    return suite;
  }

  /**
   * Pipelined Redis, PostgreSQL, Kafka, gRPC, RabbitMQ, NATS, Memcached and MongoDB (servers on the host, in containers or in the JVM),
   * direct vs L4 relay vs protocol-aware; only the workload speaking {@code only} when it is not null.
   */
  private static Suite protocolSuite(String only) throws Exception {
    List<Workload> workloads = new ArrayList<>(List.of(new PipelinedRedis(8, 16, Duration.ofSeconds(2)),
        new PostgresTransactions(4, PROTOCOL_ROW),
        new KafkaProduce("bench", PROTOCOL_ROW), new GrpcUnaryCalls(32, PROTOCOL_ROW),
        GrpcUnaryCalls.asHttp2(32, PROTOCOL_ROW),
        new AmqpPublishConsume(100, PROTOCOL_ROW), new NatsPublishSubscribe(100, PROTOCOL_ROW),
        new MemcachedGetSet(100, PROTOCOL_ROW), new MongoCommands(4, PROTOCOL_ROW)));
    workloads.removeIf(w -> only != null && !w.protocol().equals(only));
    List<Route> routes = List.of(new DirectRoute(), new ProxyRoute(false), new ProxyRoute(true));
    Suite suite = new Suite(routes, workloads, new Report(ProxyRoute.L4, "vs L4"));
    String redisNote = "not started";
    if (only == null || only.equals("redis")) {
      RedisServer redis = RedisServer.start();
      suite.serve("redis", redis.address(), redis);
      redisNote = redis.description();
    }
    suite.report().note("protocols: redis: " + redisNote + "; PostgreSQL, Kafka, RabbitMQ, NATS and Memcached in containers"
        + " (Docker's port forwarding is part of every row), gRPC and MongoDB (mongo-java-server) in this JVM; each row " + PROTOCOL_ROW.toSeconds()
        + " s (Redis 2 s); the protocol-aware proxy holds one rule that never matches");
    return suite;
  }
}
