package dev.chaosjunit.mocks.grpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC upstream mock built from protobuf descriptors: every service of the given files is served on
 * an ephemeral loopback port, each method answering with a canned response or error, plus server
 * reflection ({@code grpc.reflection.v1}) so that tools such as grpcurl can list and call it.
 *
 * <pre>{@code
 * try (GrpcMock users = GrpcMock.of(UserProto.getDescriptor())
 *     .respond("users.UserService/GetUser", "{\"id\": \"u1\", \"name\": \"Ada\"}")
 *     .fail("users.UserService/DeleteUser", Status.Code.PERMISSION_DENIED, "read-only")
 *     .start()) {
 *   ManagedChannel channel = ManagedChannelBuilder.forTarget(users.target()).usePlaintext().build();
 * }
 * }</pre>
 *
 * <p>Methods are named as on the wire, {@code package.Service/Method}. Replies may be changed while
 * the server runs; a method without a reply answers {@code UNIMPLEMENTED} with a message naming it.
 * Every request message is recorded ({@link #requests(String)}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrpcMock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcMock.class);

  private final MethodIndex methods;
  private final Map<String, CannedReply> replies = new ConcurrentHashMap<>();
  private final Map<String, List<DynamicMessage>> requests = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private Server server;

  private GrpcMock(List<FileDescriptor> files) {
    this.methods = new MethodIndex(files);
    methods.names().forEach(name -> requests.put(name, new CopyOnWriteArrayList<>()));
  }

  /** A mock of every service in the given (generated or linked) files. */
  public static GrpcMock of(FileDescriptor... files) {
    return new GrpcMock(List.of(files));
  }

  /** A mock of every service in a set written by {@code protoc --include_imports --descriptor_set_out}. */
  public static GrpcMock of(FileDescriptorSet set) {
    return new GrpcMock(DescriptorSets.link(set));
  }

  /** A mock of every service in a descriptor set file (see {@link #of(FileDescriptorSet)}). */
  public static GrpcMock fromDescriptorSet(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return of(FileDescriptorSet.parseFrom(in));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("[" + file + "] is not a FileDescriptorSet: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read descriptor set [" + file + "]", e);
    }
  }

  /** Answers {@code method} with one response, given as protobuf JSON of its output type. */
  public GrpcMock respond(String method, String json) {
    return reply(method, CannedReply.messages(List.of(methods.parseOutput(method, json))));
  }

  /** Answers {@code method} with these responses (one for unary, any number for server streaming). */
  public GrpcMock respond(String method, Message... responses) {
    List<DynamicMessage> converted = List.of(responses).stream()
        .map(response -> methods.convertOutput(method, response)).toList();
    return reply(method, CannedReply.messages(converted));
  }

  /** Answers {@code method} with an error status and description. */
  public GrpcMock fail(String method, Status.Code code, String description) {
    if (code == Status.Code.OK) {
      throw new IllegalArgumentException("fail(\"" + method + "\", OK, ...) is not an error: use respond(...)");
    }
    return reply(method, CannedReply.error(code.toStatus().withDescription(description)));
  }

  /** Delays the current reply of {@code method} (e.g. to exercise a client's deadline). */
  public GrpcMock delay(String method, Duration delay) {
    methods.require(method);
    CannedReply reply = replies.get(method);
    if (reply == null) {
      throw new IllegalStateException("delay(\"" + method + "\", ...) needs a reply to delay: "
          + "call respond(...) or fail(...) first");
    }
    return reply(method, reply.delayedBy(delay));
  }

  /** Starts serving on an ephemeral loopback port. */
  public GrpcMock start() {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ProtoReflectionServiceV1.newInstance());
    methods.services().forEach(service -> builder.addService(DynamicServices.definition(service,
        name -> new CannedCallHandler(name, replies, requests, timer))));
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("GrpcMock could not bind a loopback port", e);
    }
    LOG.info("GrpcMock serving {} on {}", methods.serviceNames(), target());
    return this;
  }

  /** The port it listens on. */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("GrpcMock is not started: call start() first");
    }
    return server.getPort();
  }

  /** Its loopback socket address, e.g. to put a chaos proxy in front of it. */
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port());
  }

  /** A gRPC target for {@code ManagedChannelBuilder.forTarget}, e.g. {@code 127.0.0.1:43121}. */
  public String target() {
    return "127.0.0.1:" + port();
  }

  /** The request messages {@code method} received so far, in arrival order. */
  public List<DynamicMessage> requests(String method) {
    methods.require(method);
    return List.copyOf(requests.get(method));
  }

  /** Forgets recorded requests (replies stay). */
  public void clearRequests() {
    requests.values().forEach(List::clear);
  }

  /** Stops the server, cancelling calls still in flight. */
  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private GrpcMock reply(String method, CannedReply reply) {
    methods.require(method);
    replies.put(method, reply);
    return this;
  }
}
