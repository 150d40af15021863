package dev.chaosjunit.mocks.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.health.v1.HealthProto;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mock serves grpc-java's own generated health service to grpc-java's generated client. */
class GrpcMockTest {

  static final String CHECK = "grpc.health.v1.Health/Check";
  static final String WATCH = "grpc.health.v1.Health/Watch";

  GrpcMock mock;
  ManagedChannel channel;

  HealthGrpc.HealthBlockingStub client(GrpcMock started) {
    mock = started;
    channel = NettyChannelBuilder.forTarget(started.target()).usePlaintext().build();
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (mock != null) {
      mock.close();
    }
  }

  static HealthCheckRequest request(String service) {
    return HealthCheckRequest.newBuilder().setService(service).build();
  }

  @Test
  void answersWithCannedJsonAndRecordsTheRequest() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor())
        .respond(CHECK, "{\"status\": \"SERVING\"}").start());

    assertThat(health.check(request("orders")).getStatus()).isEqualTo(ServingStatus.SERVING);
    assertThat(mock.requests(CHECK)).singleElement()
        .satisfies(m -> assertThat(HealthCheckRequest.parseFrom(m.toByteString()).getService())
            .isEqualTo("orders"));
  }

  @Test
  void answersWithMessageInstancesAndRepliesMayChangeWhileRunning() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor())
        .respond(CHECK, HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build())
        .start());
    assertThat(health.check(request("a")).getStatus()).isEqualTo(ServingStatus.SERVING);

    mock.respond(CHECK, HealthCheckResponse.newBuilder().setStatus(ServingStatus.NOT_SERVING).build());

    assertThat(health.check(request("a")).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void failsWithTheStubbedStatusCodeAndDescription() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor())
        .fail(CHECK, Status.Code.UNAVAILABLE, "user-service is down").start());

    assertThatThrownBy(() -> health.check(request("a")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          assertThat(e.getStatus().getDescription()).isEqualTo("user-service is down");
        });
  }

  @Test
  void anUnstubbedMethodAnswersUnimplementedNamingTheMethod() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor()).start());

    assertThatThrownBy(() -> health.check(request("a")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED))
        .hasMessageContaining("[" + CHECK + "]").hasMessageContaining("respond(");
  }

  @Test
  void streamsEveryCannedResponseOfAServerStreamingMethod() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor())
        .respond(WATCH, HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build(),
            HealthCheckResponse.newBuilder().setStatus(ServingStatus.NOT_SERVING).build())
        .start());

    List<ServingStatus> seen = new java.util.ArrayList<>();
    health.watch(request("a")).forEachRemaining(r -> seen.add(r.getStatus()));

    assertThat(seen).containsExactly(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
  }

  @Test
  void aDelayedReplyTripsTheClientsDeadline() {
    var health = client(GrpcMock.of(HealthProto.getDescriptor())
        .respond(CHECK, "{\"status\": \"SERVING\"}").delay(CHECK, Duration.ofSeconds(2)).start());
    long start = System.nanoTime();

    assertThatThrownBy(() -> health.withDeadlineAfter(200, TimeUnit.MILLISECONDS).check(request("a")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Nested
  class RejectsBadInput {

    final GrpcMock unstarted = GrpcMock.of(HealthProto.getDescriptor());

    @Test
    void anUnknownMethodNamingTheKnownOnes() {
      assertThatThrownBy(() -> unstarted.respond("grpc.health.v1.Health/check", "{}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[grpc.health.v1.Health/check]").hasMessageContaining(CHECK);
    }

    @Test
    void jsonThatIsNotTheOutputType() {
      assertThatThrownBy(() -> unstarted.respond(CHECK, "{\"colour\": 1}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("grpc.health.v1.HealthCheckResponse").hasMessageContaining("colour");
    }

    @Test
    void aMessageOfTheWrongType() {
      assertThatThrownBy(() -> unstarted.respond(CHECK, request("a")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("returns [grpc.health.v1.HealthCheckResponse], not [grpc.health.v1.HealthCheckRequest]");
    }

    @Test
    void okAsAnError() {
      assertThatThrownBy(() -> unstarted.fail(CHECK, Status.Code.OK, "fine"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use respond(");
    }

    @Test
    void aDelayWithoutAReply() {
      assertThatThrownBy(() -> unstarted.delay(CHECK, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("call respond(");
    }

    @Test
    void filesWithoutAService() {
      assertThatThrownBy(() -> GrpcMock.of(com.google.protobuf.EmptyProto.getDescriptor()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No service in [google/protobuf/empty.proto]");
    }

    @Test
    void thePortBeforeStart() {
      assertThatThrownBy(unstarted::port).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("call start() first");
    }
  }
}
