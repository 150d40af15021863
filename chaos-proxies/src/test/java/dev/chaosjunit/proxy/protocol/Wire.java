package dev.chaosjunit.proxy.protocol;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A port for toolkit tests without a channel: feeds a session chunks (keeping them, to check they are
 * released), records every write (copied, then released) and every connection-level action in order.
 */
final class Wire implements RelayPort {

  final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
  final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
  final List<String> events = new ArrayList<>();
  final List<ByteBuf> chunks = new ArrayList<>();
  private final List<long[]> memory = new ArrayList<>();
  String passThroughReason;

  /** Feeds {@code bytes} to the client side in chunks of {@code size}, each a buffer of its own. */
  void client(InspectorSession session, byte[] bytes, int size) {
    for (int i = 0; i < bytes.length; i += size) {
      session.onClientData(chunk(bytes, i, Math.min(size, bytes.length - i)), this);
    }
  }

  /** Feeds {@code bytes} to the server side as one chunk. */
  void server(InspectorSession session, byte[] bytes) {
    session.onServerData(chunk(bytes, 0, bytes.length), this);
  }

  private ByteBuf chunk(byte[] bytes, int from, int length) {
    return track(ByteBufAllocator.DEFAULT.directBuffer(length).writeBytes(bytes, from, length));
  }

  /** Notes a chunk (and where its bytes lie) before it is fed. */
  ByteBuf track(ByteBuf chunk) {
    chunks.add(chunk);
    memory.add(new long[] {chunk.memoryAddress(), chunk.memoryAddress() + chunk.capacity()});
    return chunk;
  }

  /** The index of the chunk fed whose bytes lie at {@code address}, or -1 (e.g. a gathered copy). */
  int chunkAt(long address) {
    for (int i = 0; i < memory.size(); i++) {
      if (address >= memory.get(i)[0] && address < memory.get(i)[1]) {
        return i;
      }
    }
    return -1;
  }

  /** Whether every chunk fed was released (by the session or by the writes it went into). */
  boolean allReleased() {
    return chunks.stream().allMatch(chunk -> chunk.refCnt() == 0);
  }

  @Override
  public void toServer(ByteBuf data) {
    write(data, toServer, "server");
  }

  @Override
  public void toClient(ByteBuf data) {
    write(data, toClient, "client");
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

  private void write(ByteBuf data, ByteArrayOutputStream sink, String side) {
    byte[] bytes = ByteBufUtil.getBytes(data);
    data.release();
    sink.writeBytes(bytes);
    events.add(side + ":" + bytes.length);
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
  public Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    return Optional.empty();
  }

  @Override
  public boolean hasRules(Direction direction) {
    return false;
  }

  @Override
  public void passThrough(String reason) {
    events.add("passThrough");
    passThroughReason = reason;
  }

  @Override
  public ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }
}
