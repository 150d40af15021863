package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client-streaming and bidi-streaming calls through the grpc inspector (grpc-java client and server in
 * the JVM): they pass through whole, and a fault lands on one stream while the others on the channel go on.
 */
class GrpcStreamingAcceptanceTest {

  private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-session", Metadata.ASCII_STRING_MARSHALLER);

  private Server server;
  private ProxyEngine engine;
  private Proxy proxy;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new OrdersService().definition()).build().start();
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("orders-grpc", "127.0.0.1:" + server.getPort()).withProtocol("grpc"));
    channel = NettyChannelBuilder.forAddress(proxy.listenAddress()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    engine.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void clientAndBidiStreamsPassThroughWholeWithARuleOnAnotherMethod() throws Exception {
    proxy.addRule(rule("place-fails", Direction.UPSTREAM, Map.of("method", "/shop.Orders/Place"), error(), 0, 0));

    Replies upload = new Replies();
    StreamObserver<String> parts = ClientCalls.asyncClientStreamingCall(channel.newCall(OrdersService.UPLOAD,
        CallOptions.DEFAULT), upload);
    IntStream.rangeClosed(1, 200).forEach(i -> parts.onNext("part " + i));
    parts.onCompleted();
    Replies chat = chat(channel, 50);

    assertThat(upload.status()).isEqualTo(Status.Code.OK);
    assertThat(upload.values).containsExactly("uploaded 200: part 200");
    assertThat(chat.status()).isEqualTo(Status.Code.OK);
    assertThat(chat.values).hasSize(50).startsWith("echo 1").endsWith("echo 50");
    assertThat(proxy.ruleCounters("place-fails").seen()).isZero();
  }

  @Test
  void oneBidiStreamIsFaultedByItsMetadataWhileAnotherOnTheSameChannelGoesOn() throws Exception {
    proxy.addRule(rule("session-b", Direction.UPSTREAM,
        Map.of("method", "/shop.Orders/Chat", "metadata.x-session", "b"), error(), 0, 0));

    Replies a = chat(withSession("a"), 30);
    Replies b = chat(withSession("b"), 30);

    assertThat(b.status()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(b.values).isEmpty();
    assertThat(a.status()).isEqualTo(Status.Code.OK);
    assertThat(a.values).hasSize(30);
    assertThat(proxy.ruleCounters("session-b").fired()).isEqualTo(1);
    assertThat(proxy.stats().connectionsAccepted()).as("one channel, one connection").isEqualTo(1);
  }

  @Test
  void aBidiStreamIsCutAfterTheServersThirdMessage() throws Exception {
    proxy.addRule(rule("cut", Direction.DOWNSTREAM, Map.of("method", "/shop.Orders/Chat"),
        new Action.Drop(null), 3, 1));

    Replies cut = chat(channel, 10);

    assertThat(cut.status()).isEqualTo(Status.Code.CANCELLED);
    assertThat(cut.values).containsExactly("echo 1", "echo 2", "echo 3");
    assertThat(chat(channel, 5).values).as("the next stream is whole").hasSize(5);
  }

  @Test
  void aServerStreamIsCutAfterItsThirdMessageWhenTheServerMergesMessagesIntoFrames() {
    proxy.addRule(rule("cut", Direction.DOWNSTREAM, Map.of("method", "/shop.Orders/Burst"), new Action.Drop(null), 3, 1));
    List<String> received = new ArrayList<>();

    Iterator<String> events = ClientCalls.blockingServerStreamingCall(channel, OrdersService.BURST, CallOptions.DEFAULT, "200");
    assertThatThrownBy(() -> events.forEachRemaining(received::add))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED));
    assertThat(received).containsExactly("event 1", "event 2", "event 3");
  }

  @Test
  void aDroppedClientStreamIsCancelledAloneAndTheServerNeverAnswersIt() throws Exception {
    proxy.addRule(rule("drop-upload", Direction.UPSTREAM, Map.of("method", "/shop.Orders/Upload"),
        new Action.Drop(null), 0, 0));

    Replies upload = new Replies();
    StreamObserver<String> parts = ClientCalls.asyncClientStreamingCall(channel.newCall(OrdersService.UPLOAD,
        CallOptions.DEFAULT), upload);
    parts.onNext("part 1");
    parts.onCompleted();

    assertThat(upload.status()).isEqualTo(Status.Code.CANCELLED);
    assertThat(upload.values).isEmpty();
    assertThat(chat(channel, 3).values).containsExactly("echo 1", "echo 2", "echo 3");
  }

  private Channel withSession(String session) {
    Metadata headers = new Metadata();
    headers.put(SESSION, session);
    return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** Sends {@code count} messages one after the other on one bidi stream, then ends it. */
  private static Replies chat(Channel on, int count) throws Exception {
    Replies replies = new Replies();
    StreamObserver<String> requests = ClientCalls.asyncBidiStreamingCall(
        on.newCall(OrdersService.CHAT, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)), replies);
    for (int i = 1; i <= count && !replies.ended.isDone(); i++) {
      requests.onNext(Integer.toString(i));
    }
    requests.onCompleted();
    replies.ended.get(10, TimeUnit.SECONDS);
    return replies;
  }

  private static Rule rule(String name, Direction direction, Map<String, String> match, Action action,
      long after, long times) {
    return new Rule(name, "", direction, match, action, 1, after, times);
  }

  private static Action error() {
    return Action.Error.of("UNAVAILABLE", "");
  }

  /** What the server sent on one stream, and how the stream ended. */
  private static final class Replies implements StreamObserver<String> {
    final List<String> values = new CopyOnWriteArrayList<>();
    final CompletableFuture<Status> ended = new CompletableFuture<>();

    @Override
    public void onNext(String value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      ended.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      ended.complete(Status.OK);
    }

    Status.Code status() throws Exception {
      return ended.get(10, TimeUnit.SECONDS).getCode();
    }
  }
}
