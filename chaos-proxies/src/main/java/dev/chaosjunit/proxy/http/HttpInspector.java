package dev.chaosjunit.proxy.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.grpc.Http2Sessions;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * HTTP/1.1 (and 1.0) and HTTP/2 with prior knowledge: match keys {@code method}, {@code path} (a glob
 * with {@code /} as separator; the target without query), {@code authority} and {@code header.<Name>} (any header, name case-insensitive). Actions:
 * {@code ERROR} and {@code RESPOND} send a complete response: {@code code} = status (default 500 for
 * ERROR, 200 for RESPOND), {@code message} = body, {@code header.<Name>} = response header (e.g.
 * {@code header.Retry-After}); {@code REWRITE} changes the headers of the server's own response
 * ({@code header.<Name>} sets one, {@code remove} names those to remove, comma-separated); {@code DELAY}
 * holds the request back {@code ms}; {@code DROP} closes,
 * resets or blackholes the connection. Keep-alive, pipelining, chunked bodies, {@code Expect:
 * 100-continue}, HEAD, upgrades and CONNECT tunnels keep working.
 *
 * <p>HTTP/2 with prior knowledge (the client starts with the connection preface) is inspected with the
 * same keys and actions, per stream: an ERROR or RESPOND answers the stream alone, a REWRITE changes the
 * headers of that stream's response alone, a DELAY holds back the
 * stream's response, {@code DROP} with mode {@code rst_stream} (its {@code code}, default CANCEL) resets the
 * stream and {@code goaway} (its {@code code}, default NO_ERROR) sends GOAWAY; on HTTP/1.1 these two close
 * the connection. {@code authority} is HTTP/2's {@code :authority} and HTTP/1.1's {@code Host}.
 *
 * <p>The proxy declines offers to upgrade to HTTP/2 over cleartext ({@code Upgrade: h2c}, which the JDK
 * {@code HttpClient} sends by default on {@code http://} URIs): it removes the offer from the request,
 * so the server answers in HTTP/1.1 and every request stays subject to the rules, as the PostgreSQL
 * inspector declines SSL. Other upgrades (WebSocket) pass untouched and end inspection after the 101.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "http";
  private static final String HEADER = "header.";
  private static final int CACHED_HEADER_NAMES = 512;
  private static final Map<String, String> HEADER_FACTS = new ConcurrentHashMap<>();

  /** The match keys; {@code header.<Name>} stands for one key per header name. */
  @Override
  public Set<String> matchKeys() {
    return Set.of("method", "path", "authority", "header.<Name>");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void validate(Rule rule) {
    new HttpRuleValidator(rule).validate();
  }

  /**
   * {@code path} is split at {@code /} ({@code *} one segment, {@code **} any depth), case-sensitive;
   * {@code method} ignores case; header values are case-sensitive.
   */
  @Override
  public Glob glob(String key, String pattern) {
    return Glob.compile(pattern, key.equals("path") ? '/' : Glob.NO_SEPARATOR, key.equals("method"));
  }

  /** Header names are case-insensitive: {@code header.<Name>} is filed under the lower-case name. */
  @Override
  public String factKey(String matchKey) {
    return matchKey.startsWith(HEADER) ? headerFact(matchKey.substring(HEADER.length())) : matchKey;
  }

  /**
   * The fact key of a header field name, for HTTP/1.1 and HTTP/2 alike. The keys of the first
   * {@value #CACHED_HEADER_NAMES} names seen are kept (requests repeat their header names), so that the
   * key of a known name is not built again per request.
   */
  @API(status = INTERNAL, since = "0.1")
  public static String headerFact(String name) {
    String fact = HEADER_FACTS.get(name);
    if (fact == null) {
      fact = HEADER + name.toLowerCase(Locale.ROOT);
      if (HEADER_FACTS.size() < CACHED_HEADER_NAMES) {
        HEADER_FACTS.put(name, fact);
      }
    }
    return fact;
  }

  /** The {@code path} fact of a request target: origin-form or absolute-form, without query or fragment. */
  @API(status = INTERNAL, since = "0.1")
  public static String path(String target) {
    return HttpFacts.path(target);
  }

  /** HTTP/2 with prior knowledge when the client starts with the connection preface, else HTTP/1.1. */
  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return Http2Sessions.priorKnowledgeOr(HttpSession::new);
  }
}
