package dev.chaosjunit.proxy.grpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * gRPC over cleartext HTTP/2 (h2c, no TLS), with prior knowledge or through the HTTP/1.1 upgrade
 * ({@code "grpc"}): frames both directions, keeps the client's HPACK state, and faults single calls while
 * the other streams of the connection carry on. The request of an h2c upgrade is stream 1, a call like
 * the others (its method is the request target); an upgrade the server declines stays HTTP/1.1 and is
 * relayed as bytes (see the package documentation).
 *
 * <p>Match keys: {@code method} (the full method, {@code /pkg.Service/Method} or {@code pkg.Service/Method};
 * {@code *} stays within one {@code /} segment, so {@code pkg.Service/*} is a whole service) and {@code metadata.<key>}
 * (lower-case metadata keys). {@code REQUEST} rules look at each call's request headers;
 * {@code RESPONSE} rules at each message the server sends for a call (the length-prefixed messages
 * inside DATA frames, so {@code after=N} cuts a server stream after N messages). Actions:
 * <ul>
 *   <li>{@code ERROR code=<status name or 1-16> [message=...]}: the call ends with that status
 *       (trailers-only before the server answered, trailers after); the server's side is cancelled;</li>
 *   <li>{@code DELAY ms=...}: the call's request messages reach the server that much later, on a timer of
 *       the call's own (other calls carry on); a {@code RESPONSE} rule holds back the server's message and
 *       the traffic behind it to the client, as on a slow link;</li>
 *   <li>{@code DROP [mode=rst_stream|goaway|close|reset|blackhole]}: RST_STREAM (CANCEL) for this call only
 *       (default); GOAWAY ({@code code} = an HTTP/2 error code, default NO_ERROR) naming the last call
 *       before this one, a graceful drain for NO_ERROR (requests only) and the end of the connection for
 *       any other code; or the end of the connection.</li>
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrpcInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "grpc";

  @Override
  public String name() {
    return NAME;
  }

  /** {@code method}; metadata keys are matched as {@code metadata.<key>}. */
  @Override
  public Set<String> matchKeys() {
    return Set.of(CallFacts.METHOD);
  }

  @Override
  public void validate(Rule rule) {
    rule.match().keySet().forEach(key -> {
      if (!key.equals(CallFacts.METHOD) && !(key.startsWith(CallFacts.METADATA_PREFIX)
          && key.length() > CallFacts.METADATA_PREFIX.length())) {
        throw new IllegalArgumentException("rule [" + rule.name() + "]: gRPC has no match key [" + key
            + "]; use method (e.g. /pkg.Service/Method) or metadata.<key> (e.g. metadata.x-tenant)");
      }
    });
    try {
      validateAction(rule.action());
      if (rule.direction() == Direction.DOWNSTREAM && GrpcFaults.gracefulGoAway(rule.action())) {
        throw new IllegalArgumentException("a graceful GOAWAY (code NO_ERROR) refuses a new call, so it is for requests;"
            + " on responses give goaway an error code (e.g. ENHANCE_YOUR_CALM) to end the connection");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: " + e.getMessage(), e);
    }
  }

  /** {@code method} globs split at {@code /}; metadata values match without segments. */
  @Override
  public Glob glob(String key, String pattern) {
    return key.equals(CallFacts.METHOD) ? Glob.compile(pattern, '/', false) : Glob.compile(pattern);
  }

  /** Metadata keys are lower case on HTTP/2, so {@code metadata.X-Tenant} names the fact {@code metadata.x-tenant}. */
  @Override
  public String factKey(String matchKey) {
    return matchKey.startsWith(CallFacts.METADATA_PREFIX) ? matchKey.toLowerCase(java.util.Locale.ROOT) : matchKey;
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new Http2Session(GrpcDialect.INSTANCE);
  }

  private static void validateAction(Action action) {
    if (action instanceof Action.Error error) {
      GrpcStatus.parse(error.code());
      if (!error.params().isEmpty()) {
        throw new IllegalArgumentException("a gRPC error is its status and message only, not " + error.params().keySet());
      }
    } else if (action instanceof Action.Respond || action instanceof Action.Rewrite || action instanceof Action.Duplicate) {
      throw new IllegalArgumentException("gRPC has no " + action.type()
          + " action; use error (code = a status name, e.g. UNAVAILABLE), delay or drop (rst_stream, goaway, close, reset, blackhole)");
    } else if (action instanceof Action.Drop drop && drop.mode() == DropMode.TIMEOUT) {
      throw new IllegalArgumentException("gRPC drops with mode rst_stream (one call, the default), goaway, close, reset"
          + " or blackhole, not [timeout]");
    } else if (action instanceof Action.Drop drop) {
      if (!drop.params().keySet().stream().allMatch("code"::equals)) {
        throw new IllegalArgumentException("a gRPC goaway takes only [code] (an HTTP/2 error code), not " + drop.params().keySet());
      }
      GrpcFaults.goAwayCode(drop);
    }
  }
}
