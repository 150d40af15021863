package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.ByteToMessageDecoder;
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
final class RedisSession implements InspectorSession {

  private static final Set<String> SUBSCRIBE = Set.of("SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE",
      "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE");
  private static final Set<String> RAW_AFTER = Set.of("MONITOR", "SYNC", "PSYNC");

  private final RespRequestDecoder decoder = new RespRequestDecoder();
  private final RedisReplyStream replies = new RedisReplyStream();
  private final RedisTransaction transaction = new RedisTransaction();
  private ByteBuf cumulation;
  private int segment;
  private String rawReason;
  private boolean stopped;

  @Override
  public void onClientData(ByteBuf data, RelayPort port) {
    if (stopped) {
      data.release();
      return;
    }
    cumulation = cumulation == null ? data : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(port.alloc(), cumulation, data);
    segment = cumulation.readerIndex();
    try {
      drain(port);
    } catch (RedisCodecException e) {
      rawReason = "client sent bytes that are not a Redis command: " + e.getMessage();
    }
    if (rawReason != null) {
      emit(segment, cumulation.writerIndex(), port);
      cumulation.readerIndex(cumulation.writerIndex());
      passThrough(port, rawReason);
    } else if (!stopped) {
      emit(segment, cumulation.readerIndex(), port);
      releaseConsumed();
    }
  }

  @Override
  public void onServerData(ByteBuf data, RelayPort port) {
    if (stopped) {
      data.release();
      return;
    }
    try {
      replies.onServerData(data, port);
    } catch (RedisCodecException e) {
      passThrough(port, "server sent bytes that are not RESP: " + e.getMessage());
    }
  }

  @Override
  public void onClose() {
    stopped = true;
    releaseCumulation();
  }

  /** Handles every complete command, forwarding unmatched ones in runs from {@link #segment}. */
  private void drain(RelayPort port) {
    RedisRequest request;
    while (!stopped && rawReason == null && (request = decoder.decode(cumulation)) != null) {
      Optional<Action> action = match(request, port);
      if (action.isEmpty() && !transaction.mustAbort(request.command())) {
        track(request);
        continue;
      }
      emit(segment, request.start(), port);
      segment = request.end();
      if (action.isPresent()) {
        apply(action.get(), request, port);
      } else {
        transaction.abortExec(replies, port, RedisReplies.EXECABORT);
      }
    }
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

  private void apply(Action action, RedisRequest request, RelayPort port) {
    if (action instanceof Action.Delay delay) {
      track(request);
      port.toServer(cumulation.retainedSlice(request.start(), request.end() - request.start()), delay.delay());
    } else if (action instanceof Action.Drop drop) {
      stopped = true;
      port.drop(drop.modeOr(DropMode.CLOSE));
    } else if (action instanceof Action.Respond) {
      respond(action, request, port);
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

  private void respond(Action action, RedisRequest request, RelayPort port) {
    if (transaction.open()) {
      RedisInspector.LOG.warn("RESPOND inside MULTI cannot be expressed; [{}] forwarded", request.command());
      track(request);
      emit(request.start(), request.end(), port);
      return;
    }
    replies.inject(Pending.injected(action), port);
  }


  /** Gives up decoding: a command held incomplete goes to the server as it is, then raw relay. */
  private void passThrough(RelayPort port, String reason) {
    stopped = true;
    if (cumulation != null && cumulation.isReadable()) {
      port.toServer(cumulation.retainedSlice());
    }
    replies.drainInjected(port);
    releaseCumulation();
    port.passThrough(reason);
  }

  private static int helloVersion(RedisRequest request) {
    return request.argIs(1, "3") ? 3 : request.argIs(1, "2") ? 2 : 0;
  }

  private void emit(int from, int to, RelayPort port) {
    if (to > from) {
      port.toServer(cumulation.retainedSlice(from, to - from));
    }
  }

  private void releaseConsumed() {
    if (cumulation != null && !cumulation.isReadable()) {
      releaseCumulation();
    }
  }

  private void releaseCumulation() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
