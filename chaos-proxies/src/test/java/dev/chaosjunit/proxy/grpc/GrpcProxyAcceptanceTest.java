package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Http2ErrorCode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** grpc-java client and server in the JVM, the client going through a proxy with the grpc inspector. */
class GrpcProxyAcceptanceTest {

  private final OrdersService service = new OrdersService();
  private Server server;
  private ProxyEngine engine;
  private Proxy proxy;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(service.definition()).build().start();
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("orders-grpc", "127.0.0.1:" + server.getPort()).withProtocol("grpc"));
    channel = NettyChannelBuilder.forAddress(proxy.listenAddress()).usePlaintext()
        .defaultServiceConfig(retryOnUnavailable()).enableRetry().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    engine.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void unavailableIsRetriedByTheClientAndTheCallSucceedsOnceTheRuleIsGone() {
    proxy.addRule(rule("unavailable", Direction.UPSTREAM, "/shop.Orders/Place", error("UNAVAILABLE"), 0));

    assertThatThrownBy(() -> place("first"))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(proxy.ruleCounters("unavailable").fired()).as("one firing per attempt").isEqualTo(4);

    proxy.removeRule("unavailable");
    assertThat(place("second")).isEqualTo("placed second");
  }

  @Test
  void aRetryAfterTwoFaultedAttemptsSucceedsOnTheSameChannel() {
    proxy.addRule(rule("twice", Direction.UPSTREAM, "/shop.Orders/Place", error("UNAVAILABLE"), 2));

    assertThat(place("o-1")).isEqualTo("placed o-1");
    assertThat(proxy.ruleCounters("twice").fired()).isEqualTo(2);
    assertThat(service.placed.get()).as("the faulted attempts never reach the service").isEqualTo(1);
  }

  @Test
  void aDelayLongerThanTheDeadlineEndsInDeadlineExceeded() {
    proxy.addRule(rule("slow", Direction.UPSTREAM, "/shop.Orders/Place",
        new Action.Delay(Duration.ofMillis(1500)), 0));
    long start = System.nanoTime();

    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, OrdersService.PLACE,
        CallOptions.DEFAULT.withDeadlineAfter(300, TimeUnit.MILLISECONDS), "late"))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 1400L);
  }

  @Test
  void aDelayedCallDoesNotHoldBackTheOtherCallsOnTheChannel() throws Exception {
    proxy.addRule(rule("slow", Direction.UPSTREAM, "/shop.Orders/Place",
        new Action.Delay(Duration.ofMillis(1500)), 0));
    long start = System.nanoTime();
    CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> place("slow"));

    for (int i = 0; i < 5; i++) {
      assertThat(ClientCalls.blockingUnaryCall(channel, OrdersService.LIST, CallOptions.DEFAULT, "c" + i))
          .isEqualTo("orders of c" + i);
    }
    long others = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("placed slow");
    long delayed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(others).as("other calls while one is delayed").isLessThan(1000);
    assertThat(delayed).as("the delayed call").isBetween(1450L, 4000L);
  }

  @Test
  void aServerStreamIsCutAfterItsThirdMessage() {
    proxy.addRule(new Rule("cut", "", Direction.DOWNSTREAM, Map.of("method", "/shop.Orders/Watch"),
        new Action.Drop(null), 1, 3, 1));
    List<String> received = new ArrayList<>();

    Iterator<String> events = ClientCalls.blockingServerStreamingCall(channel, OrdersService.WATCH, CallOptions.DEFAULT, "10");
    assertThatThrownBy(() -> events.forEachRemaining(received::add))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED));
    assertThat(received).containsExactly("event 1", "event 2", "event 3");
  }

  @Test
  void aGoAwayDropTellsTheClientTheCallWasNotProcessedSoItRetriesTransparentlyOnANewConnection() {
    proxy.addRule(rule("goaway", Direction.UPSTREAM, "/shop.Orders/List", new Action.Drop(DropMode.GOAWAY), 1));

    assertThat(ClientCalls.blockingUnaryCall(channel, OrdersService.LIST,
        CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "c")).as("List has no retry policy")
        .isEqualTo("orders of c");
    assertThat(proxy.ruleCounters("goaway").fired()).isEqualTo(1);
    assertThat(proxy.stats().connectionsAccepted()).as("GOAWAY closed the first connection").isEqualTo(2);
  }

  @Test
  void aGracefulGoAwayLetsTheCallInFlightFinishAndTheRefusedCallRunsOnANewConnection() {
    proxy.addRule(rule("drain", Fault.on("orders").grpc().method("shop.Orders/List").times(1).goAway(Http2ErrorCode.NO_ERROR)));
    Iterator<String> events = ClientCalls.blockingServerStreamingCall(channel, OrdersService.WATCH, CallOptions.DEFAULT, "25");
    List<String> received = new ArrayList<>(List.of(events.next()));

    assertThat(list("c")).as("the refused call, retried transparently").isEqualTo("orders of c");
    events.forEachRemaining(received::add);

    assertThat(received).as("the call in flight finishes on the draining connection").hasSize(25).endsWith("event 25");
    assertThat(proxy.ruleCounters("drain").fired()).isEqualTo(1);
    assertThat(proxy.stats().connectionsAccepted()).as("new calls go on a new connection").isEqualTo(2);
  }

  @Test
  void anErrorGoAwayFailsTheCallInFlightAndTheNewCallWithTheStatusGrpcJavaMapsItsCodeTo() {
    proxy.addRule(rule("calm", Fault.on("orders").grpc().method("shop.Orders/List").times(1)
        .goAway(Http2ErrorCode.ENHANCE_YOUR_CALM)));
    Iterator<String> events = ClientCalls.blockingServerStreamingCall(channel, OrdersService.WATCH, CallOptions.DEFAULT, "25");
    List<String> received = new ArrayList<>(List.of(events.next()));

    assertThatThrownBy(() -> list("c")).as("grpc-java fails a sent call an error GOAWAY excludes, with the code's status")
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription()).contains("ENHANCE_YOUR_CALM");
        });
    assertThatThrownBy(() -> events.forEachRemaining(received::add)).as("the connection ends under the call in flight")
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    assertThat(received).hasSizeLessThan(25);
    assertThat(list("d")).as("the next call, on a new connection").isEqualTo("orders of d");
    assertThat(proxy.stats().connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void otherMethodsOnTheSameChannelKeepWorkingWhileOneIsFaulted() throws Exception {
    proxy.addRule(rule("internal", Direction.UPSTREAM, "/shop.Orders/Place", error("INTERNAL"), 0));
    List<CompletableFuture<String>> lists = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String who = "c" + i;
      lists.add(CompletableFuture.supplyAsync(() -> ClientCalls.blockingUnaryCall(channel, OrdersService.LIST,
          CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), who)));
      assertThatThrownBy(() -> place(who)).isInstanceOfSatisfying(StatusRuntimeException.class,
          e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
    }

    for (int i = 0; i < lists.size(); i++) {
      assertThat(lists.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("orders of c" + i);
    }
    assertThat(proxy.stats().connectionsAccepted()).as("one channel, one connection").isEqualTo(1);
  }

  private String place(String order) {
    return ClientCalls.blockingUnaryCall(channel, OrdersService.PLACE,
        CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), order);
  }

  private String list(String who) {
    return ClientCalls.blockingUnaryCall(channel, OrdersService.LIST, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), who);
  }

  private static Rule rule(String name, Fault fault) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }

  private static Rule rule(String name, Direction direction, String method, Action action, long times) {
    return new Rule(name, "", direction, Map.of("method", method), action, 1, 0, times);
  }

  private static Action error(String code) {
    return Action.Error.of(code, "injected");
  }

  private static Map<String, Object> retryOnUnavailable() {
    Map<String, Object> retryPolicy = Map.of("maxAttempts", 4.0, "initialBackoff", "0.05s", "maxBackoff", "0.2s",
        "backoffMultiplier", 2.0, "retryableStatusCodes", List.of("UNAVAILABLE"));
    Map<String, Object> methodConfig = Map.of(
        "name", List.of(Map.of("service", "shop.Orders", "method", "Place")), "retryPolicy", retryPolicy);
    return Map.of("methodConfig", List.of(methodConfig));
  }
}
