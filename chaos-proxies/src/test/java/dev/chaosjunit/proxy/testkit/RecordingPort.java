package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The engine's side of an {@link InspectorSession} in codec tests, driven on the test thread. It keeps what
 * the session sends each way (copied, every buffer released), matches rules as the engine does (see
 * {@link RuleTable}; each rule is validated by the inspector first, so a test cannot use a rule the engine
 * refuses), records the connection-level actions, and feeds a session in fragments.
 */
public final class RecordingPort implements RelayPort {

  private final RuleTable rules;
  private final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
  private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
  private final List<Duration> serverDelays = new ArrayList<>();
  private final List<Duration> clientDelays = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<MessageFacts> requestFacts = new ArrayList<>();
  private String closedHow;
  private String passThroughReason;

  /** A port whose rules {@code inspector} validates and whose globs it compiles. */
  public RecordingPort(ProtocolInspector inspector) {
    this.rules = new RuleTable(inspector);
  }

  /** Adds a rule, after the inspector accepted it. */
  public RecordingPort rule(Rule rule) {
    rules.add(rule);
    return this;
  }

  /** Adds a request rule {@code r<n>} matching one key, always firing. */
  public RecordingPort rule(String matchKey, String pattern, Action action) {
    return rule(new Rule("r" + rules.size(), "", Direction.UPSTREAM, Map.of(matchKey, pattern), action, 1, 0, 0));
  }

  /** Feeds {@code bytes} to the session's client side in fragments of {@code size} bytes. */
  public void client(InspectorSession session, byte[] bytes, int size) {
    feed(bytes, size, session::onClientData);
  }

  /** Feeds {@code text} (ISO-8859-1) to the session's client side in fragments of {@code size} bytes. */
  public void client(InspectorSession session, String text, int size) {
    client(session, text.getBytes(StandardCharsets.ISO_8859_1), size);
  }

  /** Feeds {@code bytes} to the session's server side in fragments of {@code size} bytes. */
  public void server(InspectorSession session, byte[] bytes, int size) {
    feed(bytes, size, session::onServerData);
  }

  /** Feeds {@code text} (ISO-8859-1) to the session's server side in fragments of {@code size} bytes. */
  public void server(InspectorSession session, String text, int size) {
    server(session, text.getBytes(StandardCharsets.ISO_8859_1), size);
  }

  private void feed(byte[] bytes, int size, BiConsumer<ByteBuf, RelayPort> side) {
    for (int i = 0; i < bytes.length; i += size) {
      int n = Math.min(size, bytes.length - i);
      side.accept(ByteBufAllocator.DEFAULT.buffer(n).writeBytes(bytes, i, n), this);
    }
  }

  /** The bytes sent to the server since the last take. */
  public byte[] takeServerBytes() {
    return take(toServer);
  }

  /** The bytes sent to the client since the last take. */
  public byte[] takeClientBytes() {
    return take(toClient);
  }

  /** The bytes sent to the server since the last take, as ISO-8859-1 text, not taken. */
  public String sentToServer() {
    return toServer.toString(StandardCharsets.ISO_8859_1);
  }

  /** The bytes sent to the client since the last take, as ISO-8859-1 text, not taken. */
  public String sentToClient() {
    return toClient.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Everything that happened, in order: {@code server:<text>}, {@code client:<text>}, {@code delay:<ms>} before
   * a delayed write, {@code close}, {@code reset}, {@code blackhole}, {@code passThrough}.
   */
  public List<String> events() {
    return events;
  }

  /** The facts of every request the session asked the rules about, in order. */
  public List<MessageFacts> requestFacts() {
    return requestFacts;
  }

  /** The delay of each write to the server, in order; {@link Duration#ZERO} for an undelayed one. */
  public List<Duration> serverDelays() {
    return serverDelays;
  }

  /** The delay of each write to the client, in order; {@link Duration#ZERO} for an undelayed one. */
  public List<Duration> clientDelays() {
    return clientDelays;
  }

  /** How the session ended the connection: {@code close}, {@code reset}, {@code blackhole}, or null. */
  public String closedHow() {
    return closedHow;
  }

  /** Why the session gave up decoding, or null. */
  public String passThroughReason() {
    return passThroughReason;
  }

  /** A buffer holding {@code text} (ISO-8859-1), for tests that call a session directly. */
  public static ByteBuf buf(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void toServer(ByteBuf data) {
    serverDelays.add(Duration.ZERO);
    record("server", toServer, data);
  }

  @Override
  public void toClient(ByteBuf data) {
    clientDelays.add(Duration.ZERO);
    record("client", toClient, data);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    serverDelays.add(delay);
    events.add("delay:" + delay.toMillis());
    record("server", toServer, data);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    clientDelays.add(delay);
    events.add("delay:" + delay.toMillis());
    record("client", toClient, data);
  }

  @Override
  public void close() {
    closed("close");
  }

  @Override
  public void reset() {
    closed("reset");
  }

  @Override
  public void blackhole() {
    closed("blackhole");
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    if (direction == Direction.UPSTREAM) {
      requestFacts.add(facts);
    }
    return rules.match(direction, facts);
  }

  @Override
  public boolean hasRules(Direction direction) {
    return rules.hasRules(direction);
  }

  @Override
  public void passThrough(String reason) {
    passThroughReason = reason;
    events.add("passThrough");
  }

  @Override
  public ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }

  private void closed(String how) {
    closedHow = how;
    events.add(how);
  }

  private void record(String side, ByteArrayOutputStream sink, ByteBuf data) {
    try {
      byte[] bytes = new byte[data.readableBytes()];
      data.readBytes(bytes);
      sink.writeBytes(bytes);
      events.add(side + ":" + new String(bytes, StandardCharsets.ISO_8859_1));
    } finally {
      data.release();
    }
  }

  private static byte[] take(ByteArrayOutputStream sink) {
    byte[] bytes = sink.toByteArray();
    sink.reset();
    return bytes;
  }
}
