package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RelayPort} for codec tests, standing in for the engine: it records what a session forwards
 * and injects (releasing every buffer), and matches rules by the inspector's globs (always firing). It also
 * feeds a session in fragments of a given size.
 */
public final class RecordingPort implements RelayPort {

  private final ProtocolInspector inspector;
  private final List<Rule> rules = new ArrayList<>();
  private final StringBuilder toServer = new StringBuilder();
  private final StringBuilder toClient = new StringBuilder();
  private final List<String> events = new ArrayList<>();
  private final List<MessageFacts> facts = new ArrayList<>();
  private String passThrough;

  /** A port whose rules compile their globs like {@code inspector}'s. */
  public RecordingPort(ProtocolInspector inspector) {
    this.inspector = inspector;
  }

  public RecordingPort rule(Rule rule) {
    inspector.validate(rule);
    rules.add(rule);
    return this;
  }

  /** Feeds {@code text} (ISO-8859-1) to the session's client side in fragments of {@code size} bytes. */
  public void client(InspectorSession session, String text, int size) {
    for (ByteBuf fragment : fragments(text, size)) {
      session.onClientData(fragment, this);
    }
  }

  /** Feeds {@code text} to the session's server side in fragments of {@code size} bytes. */
  public void server(InspectorSession session, String text, int size) {
    for (ByteBuf fragment : fragments(text, size)) {
      session.onServerData(fragment, this);
    }
  }

  private static List<ByteBuf> fragments(String text, int size) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    List<ByteBuf> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += size) {
      ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(size);
      out.add(buf.writeBytes(bytes, i, Math.min(size, bytes.length - i)));
    }
    return out;
  }

  public String sentToServer() {
    return toServer.toString();
  }

  public String sentToClient() {
    return toClient.toString();
  }

  /** Everything that happened, in order: {@code server:...}, {@code client:...}, {@code delay:ms}, {@code close}... */
  public List<String> events() {
    return events;
  }

  public List<MessageFacts> facts() {
    return facts;
  }

  public String passThroughReason() {
    return passThrough;
  }

  @Override
  public void toServer(ByteBuf data) {
    record("server", toServer, data);
  }

  @Override
  public void toClient(ByteBuf data) {
    record("client", toClient, data);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    events.add("delay:" + delay.toMillis());
    toServer(data);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    events.add("delay:" + delay.toMillis());
    toClient(data);
  }

  private void record(String side, StringBuilder sink, ByteBuf data) {
    try {
      String text = data.toString(StandardCharsets.ISO_8859_1);
      sink.append(text);
      events.add(side + ":" + text);
    } finally {
      data.release();
    }
  }

  @Override
  public void close() {
    events.add("close");
  }

  @Override
  public void reset() {
    events.add("reset");
  }

  @Override
  public void blackhole() {
    events.add("blackhole");
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts message) {
    facts.add(message);
    return rules.stream()
        .filter(rule -> rule.direction() == direction && matches(rule, message))
        .findFirst()
        .map(rule -> new RuleMatch(rule, 1));
  }

  private boolean matches(Rule rule, MessageFacts message) {
    for (Map.Entry<String, String> entry : rule.match().entrySet()) {
      Glob glob = inspector.glob(entry.getKey(), entry.getValue());
      if (message.get(inspector.factKey(entry.getKey())).stream().noneMatch(glob::matches)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void passThrough(String reason) {
    passThrough = reason;
    events.add("passThrough");
  }

  @Override
  public ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }

  /** A buffer holding {@code text}, for tests that call a session directly. */
  public static ByteBuf buf(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
  }
}
