package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.memcached.MemcachedCommand.Kind;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One proxied Memcached connection. Client commands are cut at their lines, data blocks streaming
 * through unless a rule fired for the command; commands with keys are matched by command and key. A
 * command the proxy answers itself is held until its data block is whole, then replaced by {@code mn}
 * ({@link ReplyStream}); a multi-get that misses some of its keys goes on without them.
 */
final class MemcachedSession extends FramedSession {

  private static final byte[] NOOP = "mn\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ReplyStream replies = new ReplyStream();
  private final CommandLine line = new CommandLine();

  /** A command whose rule fired, waiting for the rest of its data block. */
  private record Fired(MemcachedCommand command, Action action) {}

  private Fired fired;

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (fired != null) {
      return carryOut(in, port);
    }
    MemcachedCommand command = MemcachedCommand.peek(in, line);
    if (command == null) {
      return false;
    }
    if (command.kind() == Kind.META_NOOP) {
      replies.clientNoop();
    }
    Optional<RuleMatch> match = command.matchable() ? port.match(Direction.UPSTREAM, command.facts()) : Optional.empty();
    if (match.isEmpty()) {
      in.passStreaming(command.length());
    } else if (match.get().action() instanceof Action.Drop drop) {
      drop(drop.modeOr(DropMode.CLOSE), port);
    } else if (command.kind() == Kind.RETRIEVAL && match.get().action() instanceof Action.Respond) {
      missKeys(command, match.get(), in, port);
    } else {
      fired = new Fired(command, match.get().action());
      return carryOut(in, port);
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    return replies.step(server(), port);
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client sent bytes that are not memcached's text protocol: "
        : "server sent bytes that are not memcached's text protocol: ") + e.getMessage();
  }

  /** Carries out a fired rule once the command is whole; {@code false} while it is not. */
  private boolean carryOut(FrameBuffer in, RelayPort port) {
    MemcachedCommand command = fired.command();
    if (!in.need(command.length())) {
      return false;
    }
    command.checkDataEnd(in.view());
    Action action = fired.action();
    fired = null;
    if (action instanceof Action.Delay delay) {
      port.toServer(in.take(command.length()), delay.delay());
    } else if (action instanceof Action.Respond respond
        && !MemcachedReplies.fits(respond.param(MemcachedReplies.REPLY).orElse(""), command)) {
      MemcachedInspector.LOG.warn("[{}] cannot answer {}: forwarded", command.name(), respond.describe());
      in.pass(command.length());
    } else {
      in.skip(command.length());
      answer(MemcachedReplies.reply(action, command), port);
    }
    return true;
  }

  /**
   * A multi-get misses the keys the rule's {@code key} names (all of them without one): the server is
   * asked for the others alone, or, when none is left, the client gets {@code END} in the get's place.
   */
  private void missKeys(MemcachedCommand command, RuleMatch match, FrameBuffer in, RelayPort port) {
    String pattern = match.rule().match().get(MemcachedInspector.KEY);
    Glob missed = pattern == null ? null : MemcachedInspector.keyGlob(pattern);
    CommandLine line = command.line();
    int first = line.words() - command.keys().size();
    ByteBuf rest = port.alloc().buffer(command.length());
    boolean kept = false;
    for (int i = 0; i < line.words(); i++) {
      boolean key = i >= first;
      if (!key || missed != null && !missed.matches(command.keys().get(i - first))) {
        line.copy(i, i == 0 ? rest : rest.writeByte(' '));
        kept |= key;
      }
    }
    in.skip(command.length());
    if (kept) {
      port.toServer(rest.writeByte('\r').writeByte('\n'));
    } else {
      rest.release();
      answer(MemcachedReplies.reply(match.action(), command), port);
    }
  }

  /** Sends {@code mn} in the answered command's place, whose {@code MN} {@code reply} replaces; nothing for no reply. */
  private void answer(byte[] reply, RelayPort port) {
    if (reply.length > 0) {
      port.toServer(port.alloc().buffer(NOOP.length).writeBytes(NOOP));
      replies.replace(reply);
    }
  }
}
