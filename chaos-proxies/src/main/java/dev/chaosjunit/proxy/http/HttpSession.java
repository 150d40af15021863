package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Optional;

/**
 * One proxied HTTP/1.1 connection. Request heads are held only until complete, matched, and forwarded
 * with their bodies streaming behind them; a request a rule answers never reaches the server (its body
 * is read and discarded) and its response takes the request's place in the response stream
 * ({@link HttpResponseStream}), so keep-alive and pipelining keep working. An offer to upgrade to
 * h2c is declined ({@link H2cUpgrade}); other upgrades and CONNECT need no special case here: the
 * client waits for the server's 101 or 2xx, and then the session ends. An injected response closes
 * the connection when the client asked for that ({@code Connection: close}, HTTP/1.0) or when the
 * client may hold back the body ({@code Expect: 100-continue}).
 */
final class HttpSession implements InspectorSession {

  private final HttpResponseStream responses = new HttpResponseStream();
  private ByteBuf cumulation;
  private int segment;
  private BodyScanner body;
  private boolean discarding;
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
      while (!stopped && cumulation.isReadable() && step(port)) {
        continue;
      }
    } catch (HttpCodecException e) {
      rawReason = "client sent bytes that are not HTTP/1.1: " + e.getMessage();
    }
    if (rawReason != null) {
      emit(cumulation.writerIndex(), port);
      cumulation.readerIndex(cumulation.writerIndex());
      passThrough(port, rawReason);
    } else if (!stopped) {
      emit(cumulation.readerIndex(), port);
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
      responses.onServerData(data, port);
    } catch (HttpCodecException e) {
      passThrough(port, "server sent bytes that are not HTTP/1.1: " + e.getMessage());
      return;
    }
    if (responses.switchReason() != null) {
      passThrough(port, responses.switchReason());
    } else if (responses.closed()) {
      stop();
    }
  }

  @Override
  public void onClose() {
    stop();
  }

  /** One request head or a run of body bytes; false when more bytes are needed. */
  private boolean step(RelayPort port) {
    if (body != null) {
      boolean done = body.scan(cumulation);
      if (discarding) {
        segment = cumulation.readerIndex();
      }
      body = done ? null : body;
      return true;
    }
    int end = HttpHead.end(cumulation);
    if (end < 0) {
      return false;
    }
    int start = cumulation.readerIndex();
    HttpHead head = HttpHead.parse(cumulation, start, end);
    requireRequest(head);
    cumulation.readerIndex(end);
    onRequest(head, start, end, port);
    return true;
  }

  private void onRequest(HttpHead head, int start, int end, RelayPort port) {
    body = HttpFraming.request(head);
    discarding = false;
    Optional<Action> action = port.match(Direction.UPSTREAM, HttpFacts.of(head)).map(RuleMatch::action);
    if (action.isEmpty() && !H2cUpgrade.offered(head)) {
      forwarded(head);
    } else {
      emit(start, port);
      segment = end;
      rewriteOrApply(action, head, start, end, port);
    }
    body = body.done() ? null : body;
  }

  /** The head is held back from the byte stream: forwarded rewritten, or the rule's action applies. */
  private void rewriteOrApply(Optional<Action> action, HttpHead head, int start, int end, RelayPort port) {
    if (action.isPresent()) {
      apply(action.get(), head, start, end, port);
    } else {
      forwarded(head);
      port.toServer(sentHead(head, start, end, port));
    }
  }

  private void apply(Action action, HttpHead head, int start, int end, RelayPort port) {
    if (action instanceof Action.Delay delay) {
      forwarded(head);
      port.toServer(sentHead(head, start, end, port), delay.delay());
    } else if (action instanceof Action.Drop drop) {
      stop();
      port.drop(drop.modeOr(DropMode.CLOSE));
    } else {
      discarding = true;
      responses.inject(Exchange.injected(head.start()[0], action, closesAfter(head)), port);
      if (responses.closed()) {
        stop();
      }
    }
  }

  /** The head as the server gets it: as sent, or without an h2c upgrade offer. */
  private ByteBuf sentHead(HttpHead head, int start, int end, RelayPort port) {
    return H2cUpgrade.offered(head) ? H2cUpgrade.declined(head, port.alloc()) : cumulation.retainedSlice(start, end - start);
  }

  private void forwarded(HttpHead head) {
    responses.owe(Exchange.server(head.start()[0]));
  }

  private static boolean closesAfter(HttpHead head) {
    boolean http10 = head.version(true).equals("HTTP/1.0");
    return head.hasToken("Connection", "close") || http10 && !head.hasToken("Connection", "keep-alive")
        || head.hasToken("Expect", "100-continue");
  }

  private static void requireRequest(HttpHead head) {
    if (!head.version(true).startsWith("HTTP/1.") || !head.start()[0].matches("[A-Za-z!#$%&'*+.^_`|~0-9-]+")) {
      throw new HttpCodecException("request line [" + String.join(" ", head.start()) + "] is not HTTP/1.x");
    }
  }

  private void emit(int to, RelayPort port) {
    if (to > segment) {
      port.toServer(cumulation.retainedSlice(segment, to - segment));
    }
    segment = Math.max(segment, to);
  }

  /** Gives up decoding: a request head held incomplete goes to the server as it is, then raw relay. */
  private void passThrough(RelayPort port, String reason) {
    if (cumulation != null && cumulation.isReadable()) {
      port.toServer(cumulation.retainedSlice());
    }
    responses.drainInjected(port);
    stop();
    port.passThrough(reason);
  }

  private void releaseConsumed() {
    if (cumulation != null && !cumulation.isReadable()) {
      cumulation.release();
      cumulation = null;
    }
  }

  private void stop() {
    stopped = true;
    responses.release();
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
