package dev.chaosjunit.mocks.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.health.v1.HealthProto;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mock built from a descriptor set file, as {@code protoc --descriptor_set_out} writes it. */
class DescriptorSetTest {

  @Test
  void servesTheServicesOfADescriptorSetFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("health.pb");
    Files.write(file, FileDescriptorSet.newBuilder().addFile(HealthProto.getDescriptor().toProto())
        .build().toByteArray());

    try (GrpcMock mock = GrpcMock.fromDescriptorSet(file)
        .respond(GrpcMockTest.CHECK, "{\"status\": \"SERVICE_UNKNOWN\"}").start()) {
      ManagedChannel channel = NettyChannelBuilder.forTarget(mock.target()).usePlaintext().build();
      try {
        var response = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
        assertThat(response.getStatus()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aMissingImportIsNamedWithTheProtocFlagThatAddsIt() {
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder()
        .setName("orders.proto").addDependency("common/money.proto")).build();

    assertThatThrownBy(() -> GrpcMock.of(set)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks [common/money.proto], imported by [orders.proto]")
        .hasMessageContaining("--include_imports");
  }

  @Test
  void aFileThatIsNotADescriptorSet(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("x.pb"), "not protobuf at all");

    assertThatThrownBy(() -> GrpcMock.fromDescriptorSet(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a FileDescriptorSet");
  }
}
