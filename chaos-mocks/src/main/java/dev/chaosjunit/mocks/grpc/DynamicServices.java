package dev.chaosjunit.mocks.grpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import java.util.function.Function;

/**
 * Builds grpc-java service definitions from protobuf descriptors, marshalling {@link DynamicMessage}s,
 * with schema descriptors attached so that server reflection can describe them.
 */
final class DynamicServices {

  private DynamicServices() {}

  static ServerServiceDefinition definition(ServiceDescriptor service,
      Function<String, ServerCallHandler<DynamicMessage, DynamicMessage>> handlers) {
    io.grpc.ServiceDescriptor.Builder grpcService = io.grpc.ServiceDescriptor
        .newBuilder(service.getFullName())
        .setSchemaDescriptor(new Schema(service, null));
    var methods = service.getMethods().stream().map(DynamicServices::method).toList();
    methods.forEach(grpcService::addMethod);
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(grpcService.build());
    for (var method : methods) {
      definition.addMethod(method, handlers.apply(method.getFullMethodName()));
    }
    return definition.build();
  }

  static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> method(MethodDescriptor method) {
    return io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(type(method))
        .setFullMethodName(fullName(method))
        .setRequestMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .setSchemaDescriptor(new Schema(method.getService(), method))
        .build();
  }

  static String fullName(MethodDescriptor method) {
    return io.grpc.MethodDescriptor.generateFullMethodName(
        method.getService().getFullName(), method.getName());
  }

  private static MethodType type(MethodDescriptor method) {
    if (method.isClientStreaming()) {
      return method.isServerStreaming() ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING;
    }
    return method.isServerStreaming() ? MethodType.SERVER_STREAMING : MethodType.UNARY;
  }

  /** What grpc-services' reflection reads from a service or method descriptor. */
  private record Schema(ServiceDescriptor service, MethodDescriptor method)
      implements ProtoMethodDescriptorSupplier {

    @Override
    public FileDescriptor getFileDescriptor() {
      return service.getFile();
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return service;
    }

    @Override
    public MethodDescriptor getMethodDescriptor() {
      return method;
    }
  }
}
