package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;

/**
 * One proxied HTTP/2 connection: settles how HTTP/2 starts (prior knowledge or an h2c upgrade, see
 * {@link H2cUpgrade}), then frames both directions ({@link ClientFrames}, the dialect's
 * {@link StreamDialect.ServerHalf}) and applies the rules to streams. Falls back to plain relay when the
 * traffic is not decodable.
 */
final class Http2Session extends FramedSession implements H2cUpgrade.Outcome {

  private final Http2FrameReader clientReader = new Http2FrameReader(true);
  private final Http2FrameReader serverReader = new Http2FrameReader(false);
  private final Calls calls = new Calls();
  private final StreamDialect dialect;
  private final ClientFrames client;
  private final StreamDialect.ServerHalf server;
  private final H2cUpgrade upgrade = new H2cUpgrade(this);
  private UpgradedCall upgraded;
  private boolean http2;
  /** Until the server's first frame has gone to the client, answers to the client wait behind it; then null. */
  private EarlyAnswers early = new EarlyAnswers();

  Http2Session(StreamDialect dialect) {
    this.dialect = dialect;
    this.client = new ClientFrames(calls, dialect);
    this.server = dialect.serverHalf(calls, client::lastForwardedStream);
  }

  @Override
  protected boolean clientFrame(RelayPort port) {
    if (!http2) {
      return upgrade.clientStep(client(), port);
    }
    Http2Frame frame = clientReader.next(client());
    if (frame == null) {
      return false;
    }
    client.onFrame(frame, early == null ? port : early.on(port));
    if (upgraded != null && upgraded.holdsServerBytes()) {
      upgraded.clientStarted();
      decodeServer(port);
    }
    return true;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    if (!http2) {
      return upgrade.serverStep(server(), port);
    }
    if (upgraded != null && upgraded.holdsServerBytes()) {
      return false;
    }
    Http2Frame frame = serverReader.next(server());
    if (frame == null) {
      return false;
    }
    server.onFrame(frame, port);
    if (early != null) {
      early.release(port);
      early = null;
    }
    if (upgraded != null) {
      UpgradedCall call = upgraded;
      upgraded = null;
      call.serverStarted(port);
    }
    return true;
  }

  @Override
  public void priorKnowledge(RelayPort port) {
    http2 = true;
    decodeServer(port);
  }

  /** Stream 1 is the upgrade's request, half-closed from the client: matched now, like any call's headers. */
  @Override
  public void switched(Http11Head request, ByteBuf answer, RelayPort port) {
    http2 = true;
    Call call = new Call(1, dialect.facts(request));
    client.opened(call);
    Action action = port.match(Direction.UPSTREAM, call.facts).map(RuleMatch::action).orElse(null);
    if (action instanceof Action.Delay delay) {
      port.toClient(answer, delay.delay());
    } else {
      port.toClient(answer);
      upgraded = action == null ? null : new UpgradedCall(call, action, dialect);
    }
    decodeServer(port);
    decodeClient(port);
  }

  @Override
  public void answerDue(RelayPort port) {
    decodeServer(port);
  }

  @Override
  public void giveUp(String reason, RelayPort port) {
    relay(reason, port);
  }

  /** A header block being collected goes first, then the partial frames held. */
  @Override
  protected void handOver(ByteBuf toServer, ByteBuf toClient, RelayPort port) {
    client.flushHeldBlock(port);
    super.handOver(toServer, toClient, port);
  }

  @Override
  protected String undecodable(boolean fromClient, RuntimeException e) {
    return e.getMessage();
  }

  @Override
  protected void onStop() {
    client.release();
    server.release();
    if (early != null) {
      early.discard();
    }
  }
}
