package dev.chaosjunit.proxy.grpc;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/** Opens HTTP/2 sessions for inspectors outside this package: the {@code http} protocol's h2c with prior knowledge. */
@API(status = INTERNAL, since = "0.1")
public final class Http2Sessions {

  private Http2Sessions() {}

  /**
   * A session that looks at the client's first bytes: the HTTP/2 connection preface makes it a plain
   * HTTP/2 session under the {@code http} rules, anything else (or a server that speaks first) the
   * session {@code http1} supplies.
   */
  public static InspectorSession priorKnowledgeOr(Supplier<InspectorSession> http1) {
    return new PrefaceSniffer(() -> new Http2Session(HttpDialect.INSTANCE), http1);
  }
}
