package dev.chaosjunit.mocks.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthProto;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server reflection describes the mocked services, as grpcurl would ask for them. */
class ReflectionTest {

  @Test
  void listsTheMockedServiceAndServesItsFile() throws Exception {
    try (GrpcMock mock = GrpcMock.of(HealthProto.getDescriptor()).start()) {
      ManagedChannel channel = NettyChannelBuilder.forTarget(mock.target()).usePlaintext().build();
      try {
        ServerReflectionResponse list = ask(channel, ServerReflectionRequest.newBuilder()
            .setListServices("*").build());
        assertThat(list.getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
            .contains("grpc.health.v1.Health");

        ServerReflectionResponse file = ask(channel, ServerReflectionRequest.newBuilder()
            .setFileContainingSymbol("grpc.health.v1.Health.Check").build());
        FileDescriptorProto proto = FileDescriptorProto.parseFrom(
            file.getFileDescriptorResponse().getFileDescriptorProto(0));
        assertThat(proto.getName()).isEqualTo(HealthProto.getDescriptor().getName());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static ServerReflectionResponse ask(ManagedChannel channel, ServerReflectionRequest request)
      throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse value) {
            answer.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            answer.completeExceptionally(new IllegalStateException("no reflection response"));
          }
        });
    requests.onNext(request);
    ServerReflectionResponse response = answer.get(5, TimeUnit.SECONDS);
    requests.onCompleted();
    return response;
  }
}
