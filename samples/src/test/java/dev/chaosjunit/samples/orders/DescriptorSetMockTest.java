package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.mocks.grpc.GrpcMock;
import dev.chaosjunit.samples.upstream.balance.BalanceApiGrpc;
import dev.chaosjunit.samples.upstream.balance.ReserveRequest;
import dev.chaosjunit.samples.upstream.geo.GeoConfigGrpc;
import dev.chaosjunit.samples.upstream.geo.RegionRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The upstream mocks built from the descriptor set protoc writes for this module's .proto files
 * (no generated code on the mock's side), called by the service's generated stubs.
 */
class DescriptorSetMockTest {

  static final Path DESCRIPTORS =
      Path.of("target/generated-resources/protobuf/descriptor-sets/orders-upstreams.pb");

  @Test
  void servesEveryUpstreamOfTheProtocOutput() throws Exception {
    try (GrpcMock upstreams = GrpcMock.fromDescriptorSet(DESCRIPTORS)
        .respond(UpstreamMocks.GET_REGION, "{\"code\": \"us-east\", \"currency\": \"USD\"}")
        .fail(UpstreamMocks.RESERVE, Status.Code.FAILED_PRECONDITION, "balance frozen")
        .start()) {
      ManagedChannel channel = NettyChannelBuilder.forTarget(upstreams.target()).usePlaintext().build();
      try {
        var region = GeoConfigGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
            .getRegion(RegionRequest.newBuilder().setCountry("US").build());
        var balance = BalanceApiGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);

        assertThat(region.getCurrency()).isEqualTo("USD");
        Assertions.assertThatThrownBy(() -> balance.reserve(ReserveRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
