package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One connection's canonicalised SQL texts with their match facts, remembered by text: applications
 * send the same few statements over and over, so each is scanned once. Holds at most
 * {@value #CAPACITY} texts and starts afresh when full. Not thread-safe (one per session).
 */
@API(status = INTERNAL, since = "0.1")
public final class SqlTexts {

  /** A text's statements and the facts rules are matched against. */
  public record Parsed(List<SqlStatement> statements, MessageFacts facts) {}

  static final int CAPACITY = 512;

  private final String protocol;
  private final SqlDialect dialect;
  private final Map<String, Parsed> cache = new HashMap<>();

  public SqlTexts(String protocol, SqlDialect dialect) {
    this.protocol = protocol;
    this.dialect = dialect;
  }

  /** The statements and facts of {@code text}. */
  public Parsed parse(String text) {
    Parsed parsed = cache.get(text);
    if (parsed == null) {
      if (cache.size() >= CAPACITY) {
        cache.clear();
      }
      List<SqlStatement> statements = SqlCanonicalizer.statements(text, dialect);
      parsed = new Parsed(statements, SqlFacts.of(protocol, statements));
      cache.put(text, parsed);
    }
    return parsed;
  }
}
