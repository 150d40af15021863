package dev.chaosjunit.mocks.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The services and methods of a mock, by wire name, and conversion of canned responses. */
final class MethodIndex {

  private final List<ServiceDescriptor> services;
  private final Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
  private final JsonFormat.Parser json;

  MethodIndex(List<FileDescriptor> files) {
    this.services = files.stream().flatMap(file -> file.getServices().stream()).toList();
    if (services.isEmpty()) {
      throw new IllegalArgumentException("No service in " + files.stream().map(FileDescriptor::getName)
          .toList() + ": give GrpcMock the .proto files that declare a service");
    }
    services.forEach(service -> service.getMethods()
        .forEach(method -> methods.put(DynamicServices.fullName(method), method)));
    JsonFormat.TypeRegistry.Builder types = JsonFormat.TypeRegistry.newBuilder();
    files.forEach(file -> types.add(file.getMessageTypes()));
    this.json = JsonFormat.parser().usingTypeRegistry(types.build());
  }

  List<ServiceDescriptor> services() {
    return services;
  }

  List<String> serviceNames() {
    return services.stream().map(ServiceDescriptor::getFullName).toList();
  }

  Set<String> names() {
    return methods.keySet();
  }

  MethodDescriptor require(String name) {
    MethodDescriptor method = methods.get(name);
    if (method == null) {
      throw new IllegalArgumentException("No method [" + name + "] in the mock's descriptors: name it "
          + "package.Service/Method, one of " + methods.keySet());
    }
    return method;
  }

  DynamicMessage parseOutput(String name, String text) {
    Descriptor output = require(name).getOutputType();
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(output);
    try {
      json.merge(text, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Response JSON for [" + name + "] is not a valid ["
          + output.getFullName() + "]: " + e.getMessage(), e);
    }
    return builder.build();
  }

  DynamicMessage convertOutput(String name, Message response) {
    Descriptor output = require(name).getOutputType();
    String given = response.getDescriptorForType().getFullName();
    if (!given.equals(output.getFullName())) {
      throw new IllegalArgumentException("[" + name + "] returns [" + output.getFullName()
          + "], not [" + given + "]");
    }
    try {
      return DynamicMessage.parseFrom(output, response.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Cannot re-read [" + given + "] as [" + output.getFullName()
          + "]: " + e.getMessage(), e);
    }
  }
}
