package dev.chaosjunit.proxy.testing;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RelayPort} for codec tests: it keeps what a session sends each way (copied, the original
 * released), evaluates rules by plain glob matching (no counting, no probability), and records the
 * connection-level actions. Sessions under test are driven on the test thread.
 */
public final class RecordingPort implements RelayPort {

  private final ProtocolInspector inspector;
  private final List<Rule> rules = new ArrayList<>();
  private final List<MessageFacts> requestFacts = new ArrayList<>();
  private final ByteBuf toServer = Unpooled.buffer();
  private final ByteBuf toClient = Unpooled.buffer();
  private final List<Duration> clientDelays = new ArrayList<>();
  private final List<Duration> serverDelays = new ArrayList<>();
  private String closedHow;
  private String passThroughReason;

  /** A port whose rules compile their globs as {@code inspector} says. */
  public RecordingPort(ProtocolInspector inspector) {
    this.inspector = inspector;
  }

  public RecordingPort rule(Rule rule) {
    rules.add(rule);
    return this;
  }

  @Override
  public void toServer(ByteBuf data) {
    toServer(data, Duration.ZERO);
  }

  @Override
  public void toClient(ByteBuf data) {
    toClient(data, Duration.ZERO);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    serverDelays.add(delay);
    toServer.writeBytes(data);
    data.release();
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    clientDelays.add(delay);
    toClient.writeBytes(data);
    data.release();
  }

  @Override
  public void close() {
    closedHow = "close";
  }

  @Override
  public void reset() {
    closedHow = "reset";
  }

  @Override
  public void blackhole() {
    closedHow = "blackhole";
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    if (direction == Direction.UPSTREAM) {
      requestFacts.add(facts);
    }
    return rules.stream()
        .filter(r -> r.direction() == direction && matches(r.match(), facts))
        .findFirst()
        .map(r -> new RuleMatch(r, 1));
  }

  private boolean matches(Map<String, String> match, MessageFacts facts) {
    return match.entrySet().stream().allMatch(e ->
        facts.get(e.getKey()).stream().anyMatch(inspector.glob(e.getKey(), e.getValue())::matches));
  }

  @Override
  public void passThrough(String reason) {
    passThroughReason = reason;
  }

  @Override
  public ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }

  /** Bytes sent to the server so far, consumed. */
  public byte[] takeServerBytes() {
    return take(toServer);
  }

  /** Bytes sent to the client so far, consumed. */
  public byte[] takeClientBytes() {
    return take(toClient);
  }

  public List<MessageFacts> requestFacts() {
    return requestFacts;
  }

  public List<Duration> serverDelays() {
    return serverDelays;
  }

  public List<Duration> clientDelays() {
    return clientDelays;
  }

  public String closedHow() {
    return closedHow;
  }

  public String passThroughReason() {
    return passThroughReason;
  }

  private static byte[] take(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.discardReadBytes();
    return bytes;
  }

  /** Feeds {@code bytes} in chunks of {@code chunk} bytes, each in a buffer of its own. */
  public static void feed(byte[] bytes, int chunk, java.util.function.Consumer<ByteBuf> sink) {
    for (int i = 0; i < bytes.length; i += chunk) {
      int n = Math.min(chunk, bytes.length - i);
      ByteBuf part = ByteBufAllocator.DEFAULT.buffer(n);
      part.writeBytes(bytes, i, n);
      sink.accept(part);
    }
  }
}
