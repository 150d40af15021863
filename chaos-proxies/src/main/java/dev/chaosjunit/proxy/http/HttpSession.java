package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * One proxied HTTP/1.1 connection. Request heads are held only until complete, matched, and forwarded
 * with their bodies streaming behind them; a request a rule answers never reaches the server (its body
 * is read and discarded) and its response takes the request's place in the response stream
 * ({@link HttpResponseStream}), so keep-alive and pipelining keep working. An offer to upgrade to
 * h2c is declined ({@link H2cUpgrade}); a request a REWRITE matches goes to the server, and the head of
 * its response reaches the client changed (the body passes as it comes). Other upgrades and CONNECT need no special case here: the
 * client waits for the server's 101 or 2xx, and then the session ends. An injected response closes
 * the connection when the client asked for that ({@code Connection: close}, HTTP/1.0) or when the
 * client may hold back the body ({@code Expect: 100-continue}).
 */
final class HttpSession extends FramedSession {

  private final HttpResponseStream responses = new HttpResponseStream();
  private BodyScanner body;
  private boolean discarding;

  /** One request head or a run of body bytes; false when more bytes are needed. */
  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (in.readable() == 0) {
      return false;
    }
    if (body != null) {
      int from = in.view().readerIndex();
      boolean done = body.scan(in.view());
      if (discarding) {
        in.skipScanned(from);
      }
      body = done ? null : body;
      return true;
    }
    int end = HttpHead.end(in.view());
    if (end < 0) {
      return false;
    }
    HttpHead head = HttpHead.parse(in.view(), in.view().readerIndex(), end);
    requireRequest(head);
    onRequest(head, end - in.view().readerIndex(), port);
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    boolean stepped = responses.step(server(), port);
    if (responses.switchReason() != null) {
      relay(responses.switchReason(), port);
    } else if (responses.closed()) {
      stop();
    }
    return stepped;
  }

  /** The bytes held go on first, then the injected responses still queued. */
  @Override
  protected void handOver(ByteBuf toServer, ByteBuf toClient, RelayPort port) {
    super.handOver(toServer, toClient, port);
    responses.drainInjected(port);
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return (fromClient ? "client" : "server") + " sent bytes that are not HTTP/1.1: " + e.getMessage();
  }

  private void onRequest(HttpHead head, int length, RelayPort port) {
    body = HttpFraming.request(head);
    discarding = false;
    Optional<Action> action = port.match(Direction.UPSTREAM, HttpFacts.of(head)).map(RuleMatch::action);
    if (action.isPresent() && !(action.get() instanceof Action.Rewrite)) {
      apply(action.get(), head, length, port);
    } else {
      forwarded(head, (Action.Rewrite) action.orElse(null));
      if (H2cUpgrade.offered(head)) {
        port.toServer(sentHead(head, length, port));
      } else {
        client().pass(length);
      }
    }
    body = body == null || body.done() ? null : body;
  }

  private void apply(Action action, HttpHead head, int length, RelayPort port) {
    if (action instanceof Action.Delay delay) {
      forwarded(head, null);
      port.toServer(sentHead(head, length, port), delay.delay());
    } else if (action instanceof Action.Drop drop) {
      drop(HttpRuleValidator.http11(drop.modeOr(DropMode.CLOSE)), port);
    } else {
      client().skip(length);
      discarding = true;
      responses.inject(Exchange.injected(head.start()[0], action, closesAfter(head)), port);
      if (responses.closed()) {
        stop();
      }
    }
  }

  /** The head as the server gets it: as sent, or without an h2c upgrade offer. */
  private ByteBuf sentHead(HttpHead head, int length, RelayPort port) {
    if (H2cUpgrade.offered(head)) {
      client().skip(length);
      return H2cUpgrade.declined(head, port.alloc());
    }
    return client().take(length);
  }

  /** Owes the client the server's response, with its headers changed when a REWRITE matched the request. */
  private void forwarded(HttpHead head, Action.Rewrite rewrite) {
    responses.owe(Exchange.server(head.start()[0], rewrite));
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
}
