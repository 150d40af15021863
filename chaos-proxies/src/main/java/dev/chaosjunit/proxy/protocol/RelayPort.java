package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an {@link InspectorSession} can do with the connection it inspects. All methods must be
 * called on the connection's event loop (i.e. from within the session's callbacks or a task the port
 * scheduled).
 *
 * <p>Writes keep their order per direction: a buffer sent with a delay holds back everything sent
 * after it in the same direction, exactly as a slow server would.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RelayPort {

  /** Forwards bytes to the server (takes ownership). */
  void toServer(ByteBuf data);

  /** Sends bytes to the client (takes ownership): forwarded server bytes or an injected reply. */
  void toClient(ByteBuf data);

  /** Like {@link #toServer(ByteBuf)}, held back by {@code delay} first. */
  void toServer(ByteBuf data, Duration delay);

  /** Like {@link #toClient(ByteBuf)}, held back by {@code delay} first. */
  void toClient(ByteBuf data, Duration delay);

  /** Closes both sides gracefully after what was already queued to the client is written. */
  void close();

  /** Closes both sides at once with a TCP reset (RST) to the client. */
  void reset();

  /**
   * Stops forwarding in both directions and discards everything from now on, keeping the sockets
   * open, so the client waits until its own timeout.
   */
  void blackhole();

  /**
   * Asks the proxy's rules whether one fires for this message. Counts the message (for nth/after/times
   * and the seeded probability) and, when a rule fires, records the firing event. Call once per
   * message that could be matched.
   */
  Optional<RuleMatch> match(Direction direction, MessageFacts facts);

  /**
   * Whether the proxy has a rule for messages going in {@code direction} now. When it has none,
   * {@link #match} would find nothing and count nothing, so a session may skip it and the decoding only
   * matching needs (a message's subject, key or command as text); it must still find the message's end.
   */
  boolean hasRules(Direction direction);

  /**
   * Ends the connection as a DROP action's {@code mode} says: {@link DropMode#CLOSE} closes,
   * {@link DropMode#RESET} resets, {@link DropMode#BLACKHOLE} blackholes; the protocol-specific modes are
   * the protocol's to carry out.
   *
   * @throws IllegalArgumentException for a protocol-specific mode
   */
  default void drop(DropMode mode) {
    switch (mode) {
      case CLOSE -> close();
      case RESET -> reset();
      case BLACKHOLE -> blackhole();
      default -> throw new IllegalArgumentException("drop mode [" + mode.wireName() + "] is the protocol's to carry out");
    }
  }

  /** Gives up decoding: the engine relays raw bytes from now on and logs the reason once. */
  void passThrough(String reason);

  /** The allocator to use for injected replies. */
  ByteBufAllocator alloc();
}
