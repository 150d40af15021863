package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;

/**
 * An ERROR or DROP for the request of an h2c upgrade (stream 1), which the server already has: it can
 * only be carried out in HTTP/2 once both peers have started it. Frames toward the client must follow
 * the server's SETTINGS (its first frame) and frames toward the server must follow the client's preface
 * and SETTINGS; so the server's bytes stay held until the client's first frame has passed, and the fault
 * is carried out right after the server's first frame.
 */
final class UpgradedCall {

  private final Call call;
  private final Action action;
  private final StreamDialect dialect;
  private boolean clientStarted;

  UpgradedCall(Call call, Action action, StreamDialect dialect) {
    this.call = call;
    this.action = action;
    this.dialect = dialect;
  }

  /** Whether the server's bytes wait for the client's first HTTP/2 frame. */
  boolean holdsServerBytes() {
    return !clientStarted;
  }

  /** The client's first frame has passed: the server's bytes may go. */
  void clientStarted() {
    clientStarted = true;
  }

  /** The server's first frame has passed: carries out the fault (the call's late frames are dropped from now on). */
  void serverStarted(RelayPort port) {
    GrpcFaults.apply(call, action, call.streamId, dialect, port);
  }
}
