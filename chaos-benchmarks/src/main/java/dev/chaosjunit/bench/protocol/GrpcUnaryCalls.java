package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * gRPC unary calls per second on one channel (one HTTP/2 connection), {@code concurrency} calls in
 * flight, against the echo service of {@link #startServer()}. The same calls are plain HTTP/2 requests
 * with prior knowledge to the {@code http} inspector ({@link #asHttp2}): POSTs answered with headers,
 * DATA and trailers.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrpcUnaryCalls implements Workload {

  static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("bench.Echo/Echo")
      .setRequestMarshaller(Bytes.INSTANCE).setResponseMarshaller(Bytes.INSTANCE).build();

  private final int concurrency;
  private final Duration duration;
  private final String protocol;

  public GrpcUnaryCalls(int concurrency, Duration duration) {
    this(concurrency, duration, "grpc");
  }

  private GrpcUnaryCalls(int concurrency, Duration duration, String protocol) {
    this.concurrency = concurrency;
    this.duration = duration;
    this.protocol = protocol;
  }

  /** The same calls for the {@code http} protocol: HTTP/2 with prior knowledge (h2c), not gRPC-aware. */
  public static GrpcUnaryCalls asHttp2(int concurrency, Duration duration) {
    return new GrpcUnaryCalls(concurrency, duration, "http");
  }

  /** An in-JVM gRPC server with the echo service on a free loopback port. */
  @Override
  public Workload.Server startServer() throws IOException {
    ServerServiceDefinition echo = ServerServiceDefinition.builder("bench.Echo")
        .addMethod(ECHO, ServerCalls.asyncUnaryCall((byte[] request, StreamObserver<byte[]> out) -> {
          out.onNext(request);
          out.onCompleted();
        })).build();
    io.grpc.Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(echo).build().start();
    return new Workload.Server() {
      @Override
      public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getPort());
      }

      @Override
      public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    };
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress(address).usePlaintext().build();
    try {
      Semaphore inFlight = new Semaphore(concurrency);
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + duration.toNanos();
      long start = System.nanoTime();
      while (System.nanoTime() < end) {
        inFlight.acquire();
        ClientCalls.asyncUnaryCall(channel.newCall(ECHO, CallOptions.DEFAULT), new byte[64], new Done(inFlight, done));
      }
      inFlight.acquire(concurrency);
      String name = protocol.equals("http") ? "HTTP/2 h2c requests (gRPC unary), " : "gRPC unary, ";
      return List.of(Figure.rate(name + concurrency + " in flight", "calls/s", done.get(), System.nanoTime() - start));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private record Done(Semaphore inFlight, AtomicLong done) implements StreamObserver<byte[]> {
    @Override
    public void onNext(byte[] value) {
      done.incrementAndGet();
    }

    @Override
    public void onError(Throwable t) {
      inFlight.release();
      throw new IllegalStateException("a benchmark call failed", t);
    }

    @Override
    public void onCompleted() {
      inFlight.release();
    }
  }

  private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
