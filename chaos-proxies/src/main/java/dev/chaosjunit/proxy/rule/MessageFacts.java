package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The matchable facts of one decoded protocol message, e.g. {@code command=SET, key=[user:1]} for
 * Redis or {@code sql=INSERT INTO orders VALUES (?)} for PostgreSQL. A key may have several values
 * (the keys of {@code MGET}); a matcher for that key matches if any value matches.
 *
 * @param protocol the protocol name, as in {@code ProtocolInspector#name()}
 * @param values match key to its values, in a stable order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessageFacts(String protocol, Map<String, List<String>> values) {

  public MessageFacts {
    values = Map.copyOf(values);
  }

  /** Starts facts for a protocol. */
  public static Builder of(String protocol) {
    return new Builder(protocol);
  }

  /** The facts of a message with one key and one value (built without a builder: this runs per message). */
  public static MessageFacts of(String protocol, String key, String value) {
    return new MessageFacts(protocol, Map.of(key, List.of(value)));
  }

  /** The values of a key, empty when the message has none. */
  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** Collects facts in insertion order. */
  public static final class Builder {
    private final String protocol;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Builder(String protocol) {
      this.protocol = protocol;
    }

    /** Adds one or more values for a key. */
    public Builder put(String key, String... keyValues) {
      values.put(key, List.of(keyValues));
      return this;
    }

    /** Adds values for a key. */
    public Builder put(String key, List<String> keyValues) {
      values.put(key, List.copyOf(keyValues));
      return this;
    }

    public MessageFacts build() {
      return new MessageFacts(protocol, values);
    }
  }
}
