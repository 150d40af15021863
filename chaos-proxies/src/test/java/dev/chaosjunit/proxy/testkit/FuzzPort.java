package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's side of a fuzzed session: keeps the bytes sent each way (copied, every buffer released),
 * matches rules as the engine does ({@link RuleTable}), and notes how the session ended the connection or
 * gave up decoding, after which the engine stops calling it.
 */
final class FuzzPort implements RelayPort {

  private final RuleTable rules;
  private final ByteBufAllocator alloc;
  private final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
  private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
  private String ended;
  private String passThrough;

  FuzzPort(ProtocolInspector inspector, List<Rule> rules, ByteBufAllocator alloc) {
    this.rules = new RuleTable(inspector);
    rules.forEach(this.rules::add);
    this.alloc = alloc;
  }

  /** How the session ended the connection ({@code close}, {@code reset}, {@code blackhole}), or null. */
  String ended() {
    return ended;
  }

  /** Why the session gave up decoding, or null. */
  String passThrough() {
    return passThrough;
  }

  byte[] sentToServer() {
    return toServer.toByteArray();
  }

  byte[] sentToClient() {
    return toClient.toByteArray();
  }

  @Override
  public void toServer(ByteBuf data) {
    copy(data, toServer);
  }

  @Override
  public void toClient(ByteBuf data) {
    copy(data, toClient);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    copy(data, toServer);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    copy(data, toClient);
  }

  @Override
  public void close() {
    ended = "close";
  }

  @Override
  public void reset() {
    ended = "reset";
  }

  @Override
  public void blackhole() {
    ended = "blackhole";
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    return rules.match(direction, facts);
  }

  @Override
  public boolean hasRules(Direction direction) {
    return rules.hasRules(direction);
  }

  @Override
  public void passThrough(String reason) {
    passThrough = reason;
  }

  @Override
  public ByteBufAllocator alloc() {
    return alloc;
  }

  private static void copy(ByteBuf data, ByteArrayOutputStream sink) {
    try {
      byte[] bytes = new byte[data.readableBytes()];
      data.readBytes(bytes);
      sink.writeBytes(bytes);
    } finally {
      data.release();
    }
  }
}
