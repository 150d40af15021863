package dev.chaosjunit.proxy.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny gRPC service for acceptance tests, defined by hand (no protobuf): {@code shop.Orders} with
 * unary {@code Place} and {@code List}, server-streaming {@code Watch} (20 ms between events) and {@code Burst}
 * (all events back to back, so the server's HTTP/2 layer merges them into frames), client-streaming {@code Upload}
 * (answers {@code uploaded <n>: <last>}) and bidi-streaming {@code Chat} (echoes each message); messages are
 * UTF-8 strings.
 */
final class OrdersService {

  static final MethodDescriptor.Marshaller<String> STRING = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  static final MethodDescriptor<String, String> PLACE = unary("Place");
  static final MethodDescriptor<String, String> LIST = unary("List");
  static final MethodDescriptor<String, String> WATCH = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
      .setFullMethodName("shop.Orders/Watch").setRequestMarshaller(STRING).setResponseMarshaller(STRING).build();

  static final MethodDescriptor<String, String> BURST = method("Burst", MethodDescriptor.MethodType.SERVER_STREAMING);
  static final MethodDescriptor<String, String> UPLOAD = method("Upload", MethodDescriptor.MethodType.CLIENT_STREAMING);
  static final MethodDescriptor<String, String> CHAT = method("Chat", MethodDescriptor.MethodType.BIDI_STREAMING);

  final AtomicInteger placed = new AtomicInteger();

  ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder("shop.Orders")
        .addMethod(PLACE, ServerCalls.asyncUnaryCall((request, out) -> {
          placed.incrementAndGet();
          reply(out, "placed " + request);
        }))
        .addMethod(LIST, ServerCalls.asyncUnaryCall((request, out) -> reply(out, "orders of " + request)))
        .addMethod(WATCH, ServerCalls.asyncServerStreamingCall(this::watch))
        .addMethod(BURST, ServerCalls.asyncServerStreamingCall(OrdersService::burst))
        .addMethod(UPLOAD, ServerCalls.asyncClientStreamingCall(OrdersService::upload))
        .addMethod(CHAT, ServerCalls.asyncBidiStreamingCall(OrdersService::chat))
        .build();
  }

  private void watch(String request, StreamObserver<String> out) {
    int count = Integer.parseInt(request);
    for (int i = 1; i <= count; i++) {
      out.onNext("event " + i);
      pause();
    }
    out.onCompleted();
  }

  private static void burst(String request, StreamObserver<String> out) {
    for (int i = 1; i <= Integer.parseInt(request); i++) {
      out.onNext("event " + i);
    }
    out.onCompleted();
  }

  private static StreamObserver<String> upload(StreamObserver<String> out) {
    return new StreamObserver<>() {
      private int count;
      private String last = "";

      @Override
      public void onNext(String value) {
        count++;
        last = value;
      }

      @Override
      public void onError(Throwable t) {
        // the client gave up: nothing to answer
      }

      @Override
      public void onCompleted() {
        reply(out, "uploaded " + count + ": " + last);
      }
    };
  }

  private static StreamObserver<String> chat(StreamObserver<String> out) {
    return new StreamObserver<>() {
      @Override
      public void onNext(String value) {
        out.onNext("echo " + value);
      }

      @Override
      public void onError(Throwable t) {
        // the client gave up: nothing to answer
      }

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }

  private static void reply(StreamObserver<String> out, String value) {
    out.onNext(value);
    out.onCompleted();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while streaming", e);
    }
  }

  private static MethodDescriptor<String, String> unary(String name) {
    return method(name, MethodDescriptor.MethodType.UNARY);
  }

  private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<String, String>newBuilder().setType(type)
        .setFullMethodName("shop.Orders/" + name).setRequestMarshaller(STRING).setResponseMarshaller(STRING).build();
  }
}
