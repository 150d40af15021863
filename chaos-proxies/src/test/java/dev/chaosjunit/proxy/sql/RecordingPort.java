package dev.chaosjunit.proxy.sql;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the engine's relay in codec tests: records what a session forwards each way (and
 * releases the buffers), matches facts against rules with the shared {@link Glob} (case-insensitive),
 * and remembers close/reset/blackhole/passThrough.
 */
public final class RecordingPort implements RelayPort {

  public final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
  public final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
  public final List<MessageFacts> matched = new ArrayList<>();
  public final List<Duration> serverDelays = new ArrayList<>();
  public final List<Rule> rules = new ArrayList<>();
  public String passThrough;
  public String closed;

  /** Adds a rule matching {@code sql} with the given action. */
  public RecordingPort rule(String sqlGlob, Action action) {
    rules.add(new Rule("r" + rules.size(), "", Direction.UPSTREAM, Map.of("sql", sqlGlob), action, 1, 0, 0));
    return this;
  }

  @Override
  public void toServer(ByteBuf data) {
    drain(data, toServer);
  }

  @Override
  public void toClient(ByteBuf data) {
    drain(data, toClient);
  }

  @Override
  public void toServer(ByteBuf data, Duration delay) {
    serverDelays.add(delay);
    drain(data, toServer);
  }

  @Override
  public void toClient(ByteBuf data, Duration delay) {
    drain(data, toClient);
  }

  @Override
  public void close() {
    closed = "close";
  }

  @Override
  public void reset() {
    closed = "reset";
  }

  @Override
  public void blackhole() {
    closed = "blackhole";
  }

  @Override
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    matched.add(facts);
    return rules.stream()
        .filter(rule -> rule.match().entrySet().stream().allMatch(e -> facts.get(e.getKey()).stream()
            .anyMatch(Glob.compile(e.getValue(), Glob.NO_SEPARATOR, true)::matches)))
        .findFirst()
        .map(rule -> new RuleMatch(rule, 1));
  }

  @Override
  public void passThrough(String reason) {
    passThrough = reason;
  }

  @Override
  public ByteBufAllocator alloc() {
    return PooledByteBufAllocator.DEFAULT;
  }

  /** Bytes sent to the server so far, and forgets them. */
  public byte[] takeServerBytes() {
    byte[] bytes = toServer.toByteArray();
    toServer.reset();
    return bytes;
  }

  /** Bytes sent to the client so far, and forgets them. */
  public byte[] takeClientBytes() {
    byte[] bytes = toClient.toByteArray();
    toClient.reset();
    return bytes;
  }

  private static void drain(ByteBuf data, ByteArrayOutputStream to) {
    byte[] bytes = new byte[data.readableBytes()];
    data.readBytes(bytes);
    data.release();
    to.writeBytes(bytes);
  }
}
