package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Captures grpc-java's traffic (unary and server-streaming calls on one HTTP/2 connection) with a grpc-java
 * server in this JVM as seeds of {@link GrpcFuzzTest} (see {@link CapturedSeeds}).
 */
@Tag("capture")
class GrpcCaptureTest {

  @Test
  void grpcJava() throws Exception {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new OrdersService().definition()).build().start();
    try (TrafficRecorder recorder = TrafficRecorder.to("127.0.0.1", server.getPort())) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", recorder.port()).usePlaintext().build();
      try {
        assertThat(ClientCalls.blockingUnaryCall(channel, OrdersService.PLACE, CallOptions.DEFAULT, "book")).isNotEmpty();
        assertThat(ClientCalls.blockingUnaryCall(channel, OrdersService.LIST, CallOptions.DEFAULT, "all")).isNotEmpty();
        List<String> events = new ArrayList<>();
        ClientCalls.blockingServerStreamingCall(channel, OrdersService.BURST, CallOptions.DEFAULT, "5")
            .forEachRemaining(events::add);
        assertThat(events).hasSize(5);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertThat(CapturedSeeds.save(GrpcFuzzTest.class, "session", "grpc-java", recorder, new GrpcFuzzTest()::session))
          .isEqualTo(1);
    } finally {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
