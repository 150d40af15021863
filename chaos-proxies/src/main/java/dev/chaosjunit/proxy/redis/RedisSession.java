package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One proxied Redis connection. Client commands are decoded whole (held back only until complete),
 * matched, and forwarded in runs; a command a rule answers never reaches the server and its reply
 * takes the command's place in the reply stream ({@link RedisReplyStream}).
 *
 * <p>MULTI/EXEC: an {@code ERROR} injected inside MULTI behaves like a queue-time error of a real
 * server: the client gets the error now and {@code EXEC} fails with {@code EXECABORT}; the proxy sends
 * {@code DISCARD} in its place so the server drops the queued commands. {@code RESPOND} inside MULTI
 * cannot be expressed (the value would belong in EXEC's array): the command is forwarded.
 */
final class RedisSession extends FramedSession {

  private static final Set<String> SUBSCRIBE = Set.of("SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE",
      "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE");
  private static final Set<String> RAW_AFTER = Set.of("MONITOR", "SYNC", "PSYNC");

  private final RespRequestDecoder decoder = new RespRequestDecoder();
  private final RedisReplyStream replies = new RedisReplyStream();
  private final RedisTransaction transaction = new RedisTransaction();
  private String rawReason;

  /** Handles the next command once it is complete: forwarded unless a rule fires for it. */
  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (in.readable() == 0) {
      return false;
    }
    int start = in.view().readerIndex();
    RedisRequest request = decoder.decode(in.view());
    if (request == null) {
      return false;
    }
    in.view().readerIndex(start);
    int length = request.end() - start;
    Optional<Action> action = match(request, port);
    if (action.isEmpty() && !transaction.mustAbort(request.command())) {
      track(request);
      in.pass(length);
    } else if (action.isPresent()) {
      apply(action.get(), request, length, port);
    } else {
      in.skip(length);
      transaction.abortExec(replies, port, RedisReplies.EXECABORT);
    }
    if (rawReason != null) {
      relay(rawReason, port);
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    return replies.step(server(), port);
  }

  /** The bytes held go on first, then the injected replies still queued. */
  @Override
  protected void handOver(ByteBuf toServer, ByteBuf toClient, RelayPort port) {
    super.handOver(toServer, toClient, port);
    replies.drainInjected(port);
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return fromClient ? "client sent bytes that are not a Redis command: " + e.getMessage()
        : "server sent bytes that are not RESP: " + e.getMessage();
  }

  private Optional<Action> match(RedisRequest request, RelayPort port) {
    String command = request.command();
    if (command.isEmpty()) {
      return Optional.empty();
    }
    MessageFacts facts = new MessageFacts(RedisInspector.NAME,
        Map.of("command", List.of(command), "key", RedisKeys.of(command, request)));
    return port.match(Direction.UPSTREAM, facts).map(RuleMatch::action);
  }

  /** Bookkeeping for a command that goes to the server: which reply it is owed, which state it sets. */
  private void track(RedisRequest request) {
    String command = request.command();
    transaction.observe(command);
    if (command.isEmpty()) {
      return;
    }
    if (SUBSCRIBE.contains(command)) {
      replies.subscribed(request.argCount() - 1);
      return;
    }
    if (command.equals("RESET")) {
      replies.reset();
    }
    replies.owe(command.equals("HELLO") ? Pending.hello(helloVersion(request))
        : command.equals("RESET") ? Pending.hello(2) : Pending.server());
    if (RAW_AFTER.contains(command) || command.equals("CLIENT") && request.argIs(1, "REPLY")) {
      rawReason = command + " changes how replies flow; relaying raw from here";
    }
  }

  /** Carries out a fired rule on the next {@code length} bytes, the command. */
  private void apply(Action action, RedisRequest request, int length, RelayPort port) {
    if (action instanceof Action.Drop drop) {
      drop(drop.modeOr(DropMode.CLOSE), port);
      return;
    }
    if (action instanceof Action.Respond && transaction.open()) {
      RedisInspector.LOG.warn("RESPOND inside MULTI cannot be expressed; [{}] forwarded", request.command());
      track(request);
      client().pass(length);
      return;
    }
    if (action instanceof Action.Delay delay) {
      track(request);
      port.toServer(client().take(length), delay.delay());
      return;
    }
    client().skip(length);
    if (action instanceof Action.Respond) {
      replies.inject(Pending.injected(action), port);
    } else {
      error((Action.Error) action, request, port);
    }
  }

  private void error(Action.Error action, RedisRequest request, RelayPort port) {
    if (transaction.open() && request.command().equals("EXEC")) {
      transaction.abortExec(replies, port, RedisReplies.errorLine(action));
      return;
    }
    transaction.queueTimeError();
    replies.inject(Pending.injected(action), port);
  }

  private static int helloVersion(RedisRequest request) {
    return request.argIs(1, "3") ? 3 : request.argIs(1, "2") ? 2 : 0;
  }
}
