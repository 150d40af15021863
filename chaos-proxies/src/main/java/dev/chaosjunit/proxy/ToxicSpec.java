package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A toxic as Toxiproxy defines it. The constructor validates and normalises: unknown attributes and
 * negative values are rejected, missing attributes get their default, so {@link #attributes()} always
 * holds every attribute of the type in Toxiproxy's order.
 *
 * @param name unique per proxy; {@code null} or blank = Toxiproxy's default {@code <type>_<stream>}
 * @param type the kind of toxic
 * @param stream the direction it acts on
 * @param toxicity the share of connections it applies to, 0..1 (drawn per connection, seeded)
 * @param attributes the type's attributes, Toxiproxy names
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ToxicSpec(String name, ToxicType type, ToxicStream stream, double toxicity, Map<String, Long> attributes) {

  public ToxicSpec {
    if (type == null || stream == null) {
      throw new IllegalArgumentException("toxic [" + name + "]: type and stream are required");
    }
    name = name == null || name.isBlank() ? type.wireName() + "_" + stream.wireName() : name;
    if (!(toxicity >= 0 && toxicity <= 1)) {
      throw new IllegalArgumentException(
          "toxic [" + name + "]: toxicity must be between 0 and 1, was [" + toxicity + "]");
    }
    attributes = normalise(name, type, attributes == null ? Map.of() : attributes);
  }

  /** A toxic applying to every connection. */
  public static ToxicSpec of(String name, ToxicType type, ToxicStream stream, Map<String, Long> attributes) {
    return new ToxicSpec(name, type, stream, 1.0, attributes);
  }

  /** An attribute's value. */
  public long attribute(String attribute) {
    Long value = attributes.get(attribute);
    if (value == null) {
      throw new IllegalArgumentException("toxic type [" + type.wireName() + "] has no attribute [" + attribute
          + "]; it has " + type.attributeNames());
    }
    return value;
  }

  /** The same toxic with other toxicity. */
  public ToxicSpec withToxicity(double newToxicity) {
    return new ToxicSpec(name, type, stream, newToxicity, attributes);
  }

  /** The same toxic with some attributes replaced (the others kept), as Toxiproxy's update does. */
  public ToxicSpec withAttributes(Map<String, Long> changes) {
    Map<String, Long> merged = new LinkedHashMap<>(attributes);
    merged.putAll(changes);
    return new ToxicSpec(name, type, stream, toxicity, merged);
  }

  /** The same toxic on another stream. */
  public ToxicSpec withStream(ToxicStream newStream) {
    return new ToxicSpec(name, type, newStream, toxicity, attributes);
  }

  private static Map<String, Long> normalise(String name, ToxicType type, Map<String, Long> given) {
    Map<String, Long> all = type.defaults();
    given.forEach((key, value) -> {
      if (!all.containsKey(key)) {
        throw new IllegalArgumentException("toxic [" + name + "]: unknown attribute [" + key + "] for type ["
            + type.wireName() + "]; it has " + type.attributeNames());
      }
      if (value == null || value < 0) {
        throw new IllegalArgumentException("toxic [" + name + "]: attribute [" + key + "] must be >= 0, was ["
            + value + "]");
      }
      all.put(key, value);
    });
    return Collections.unmodifiableMap(all);
  }
}
