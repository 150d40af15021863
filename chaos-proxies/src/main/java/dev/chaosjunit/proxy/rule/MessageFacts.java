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

  /**
   * Collects facts; a key put again replaces its values. Up to three keys (every protocol's facts) are held
   * in arrays and become the record's map directly, without an intermediate map per message.
   */
  public static final class Builder {
    private static final int SMALL = 3;

    private final String protocol;
    private final String[] keys = new String[SMALL];
    private final List<?>[] lists = new List<?>[SMALL];
    private int size;
    private Map<String, List<String>> more;

    private Builder(String protocol) {
      this.protocol = protocol;
    }

    /** Adds one or more values for a key. */
    public Builder put(String key, String... keyValues) {
      return set(key, List.of(keyValues));
    }

    /** Adds values for a key. */
    public Builder put(String key, List<String> keyValues) {
      return set(key, List.copyOf(keyValues));
    }

    private Builder set(String key, List<String> keyValues) {
      if (more != null) {
        more.put(key, keyValues);
        return this;
      }
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          lists[i] = keyValues;
          return this;
        }
      }
      if (size < SMALL) {
        keys[size] = key;
        lists[size++] = keyValues;
        return this;
      }
      more = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        more.put(keys[i], list(i));
      }
      more.put(key, keyValues);
      return this;
    }

    public MessageFacts build() {
      if (more != null) {
        return new MessageFacts(protocol, more);
      }
      return new MessageFacts(protocol, switch (size) {
        case 0 -> Map.of();
        case 1 -> Map.of(keys[0], list(0));
        case 2 -> Map.of(keys[0], list(0), keys[1], list(1));
        default -> Map.of(keys[0], list(0), keys[1], list(1), keys[2], list(2));
      });
    }

    @SuppressWarnings("unchecked")
    private List<String> list(int index) {
      return (List<String>) lists[index];
    }
  }
}
