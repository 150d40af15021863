package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.internal.BatchingPort;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied gRPC connection: settles how HTTP/2 starts (prior knowledge or an h2c upgrade, see
 * {@link H2cUpgrade}), then frames both directions ({@link ClientFrames}, {@link ServerFrames}) and
 * applies the rules to calls. The frames forwarded during one callback leave as one write per direction
 * ({@link BatchingPort}). Falls back to plain relay when the traffic is not decodable.
 */
final class GrpcSession implements InspectorSession, H2cUpgrade.Outcome {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcSession.class);

  private enum Mode { START, HTTP2, RELAY }

  private final Http2FrameReader clientReader = new Http2FrameReader(true);
  private final Http2FrameReader serverReader = new Http2FrameReader(false);
  private final Calls calls = new Calls();
  private final ClientFrames client = new ClientFrames(calls);
  private final ServerFrames server = new ServerFrames(calls, client::lastForwardedStream);
  private final H2cUpgrade upgrade = new H2cUpgrade(this);
  private UpgradedCall upgraded;
  private BatchingPort batching;
  private Mode mode = Mode.START;

  @Override
  public void onClientData(ByteBuf data, RelayPort relay) {
    if (mode == Mode.RELAY) {
      relay.toServer(data);
      return;
    }
    BatchingPort port = begin(relay);
    try {
      if (mode == Mode.START) {
        upgrade.onClientData(data, port);
      } else {
        readClient(data, port);
      }
    } finally {
      port.end();
    }
  }

  @Override
  public void onServerData(ByteBuf data, RelayPort relay) {
    if (mode == Mode.RELAY) {
      relay.toClient(data);
      return;
    }
    BatchingPort port = begin(relay);
    try {
      if (mode == Mode.START) {
        upgrade.onServerData(data, port);
      } else {
        readServer(data, port);
      }
    } finally {
      port.end();
    }
  }

  @Override
  public void onClose() {
    clientReader.release();
    serverReader.release();
    client.release();
    upgrade.release();
    if (upgraded != null) {
      upgraded.release();
    }
  }

  @Override
  public void priorKnowledge(ByteBuf clientBytes, ByteBuf serverBytes, RelayPort port) {
    mode = Mode.HTTP2;
    readServer(serverBytes, port);
    readClient(clientBytes, port);
  }

  /** Stream 1 is the upgrade's request, half-closed from the client: matched now, like any call's headers. */
  @Override
  public void switched(Http11Head request, ByteBuf answer, ByteBuf clientBytes, ByteBuf serverBytes, RelayPort port) {
    mode = Mode.HTTP2;
    Call call = new Call(1, CallFacts.ofUpgrade(request));
    client.opened(call);
    Action action = port.match(Direction.UPSTREAM, call.facts).map(RuleMatch::action).orElse(null);
    if (action instanceof Action.Delay delay) {
      port.toClient(answer, delay.delay());
    } else {
      port.toClient(answer);
      upgraded = action == null ? null : new UpgradedCall(call, action);
    }
    readServer(serverBytes, port);
    readClient(clientBytes, port);
  }

  @Override
  public void relay(String reason, RelayPort port) {
    mode = Mode.RELAY;
    port.passThrough(reason);
  }

  private BatchingPort begin(RelayPort relay) {
    if (batching == null || !batching.wraps(relay)) {
      batching = new BatchingPort(relay);
    }
    batching.begin();
    return batching;
  }

  private void readClient(ByteBuf data, RelayPort port) {
    if (data == null || mode != Mode.HTTP2) {
      forward(data, port, true);
      return;
    }
    try {
      clientReader.read(data, port.alloc(), port::toServer, frame -> onClientFrame(frame, port));
    } catch (Http2DecodeException e) {
      relayFromNowOn(e, port);
    }
  }

  private void readServer(ByteBuf data, RelayPort port) {
    if (data == null || mode != Mode.HTTP2) {
      forward(data, port, false);
    } else if (upgraded != null && upgraded.holdsServerBytes()) {
      upgraded.holdServerBytes(data, port);
    } else {
      try {
        serverReader.read(data, port.alloc(), port::toClient, frame -> onServerFrame(frame, port));
      } catch (Http2DecodeException e) {
        relayFromNowOn(e, port);
      }
    }
  }

  private void onClientFrame(Http2Frame frame, RelayPort port) {
    client.onFrame(frame, port);
    if (upgraded != null && upgraded.holdsServerBytes()) {
      readServer(upgraded.clientStarted(), port);
    }
  }

  private void onServerFrame(Http2Frame frame, RelayPort port) {
    server.onFrame(frame, port);
    if (upgraded != null && !upgraded.holdsServerBytes()) {
      UpgradedCall call = upgraded;
      upgraded = null;
      call.serverStarted(port);
    }
  }

  /** Bytes that arrive once the session relays (or with nothing to read) are forwarded as they are. */
  private static void forward(ByteBuf data, RelayPort port, boolean toServer) {
    if (data != null && toServer) {
      port.toServer(data);
    } else if (data != null) {
      port.toClient(data);
    }
  }

  private void relayFromNowOn(Http2DecodeException e, RelayPort port) {
    LOG.warn("gRPC/HTTP/2 traffic not decodable, relaying bytes from now on: {}", e.getMessage());
    mode = Mode.RELAY;
    client.flushHeldBlock(port);
    forward(clientReader.drain(), port, true);
    forward(serverReader.drain(), port, false);
    if (upgraded != null) {
      forward(upgraded.clientStarted(), port, false);
      upgraded = null;
    }
    port.passThrough(e.getMessage());
  }
}
