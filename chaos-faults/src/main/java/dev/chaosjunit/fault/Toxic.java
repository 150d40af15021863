package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An L4 toxic as Toxiproxy defines it. The constructor validates and normalises: unknown attributes and
 * negative values are rejected, missing attributes get their default, so {@link #attributes()} always
 * holds every attribute of the type in Toxiproxy's order.
 *
 * @param name unique per proxy; {@code null} or blank = Toxiproxy's default {@code <type>_<stream>}
 * @param type the kind of toxic
 * @param stream the direction it acts on
 * @param toxicity the share of connections it applies to, 0..1 (drawn per connection, seeded)
 * @param attributes the type's attributes, Toxiproxy's names and units
 * @param clients the source addresses (IP literals, as the proxy sees a connection's client) of the connections
 *     it acts on; empty: every connection. Not part of Toxiproxy's model: its API never sets it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Toxic(String name, ToxicType type, Direction stream, double toxicity, Map<String, Long> attributes,
    Set<String> clients) implements Effect {

  public Toxic {
    if (type == null || stream == null) {
      throw new IllegalArgumentException("toxic [" + name + "]: type and stream are required");
    }
    name = name == null || name.isBlank() ? type.wireName() + "_" + stream.wireName() : name;
    Checks.probability(toxicity, "toxic [" + name + "]: toxicity");
    attributes = normalise(name, type, attributes == null ? Map.of() : attributes);
    String toxic = name;
    clients = Collections.unmodifiableSet(new TreeSet<>(clients == null ? Set.of() : clients));
    clients.forEach(client -> Checks.name(client, "toxic [" + toxic + "]: client address"));
  }

  /** A toxic acting on every connection. */
  public Toxic(String name, ToxicType type, Direction stream, double toxicity, Map<String, Long> attributes) {
    this(name, type, stream, toxicity, attributes, Set.of());
  }

  /** A toxic with Toxiproxy's default name, applying to every connection. */
  public static Toxic of(ToxicType type, Direction stream, Map<String, Long> attributes) {
    return new Toxic(null, type, stream, 1.0, attributes);
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

  @Override
  public Toxic named(String newName) {
    return new Toxic(newName, type, stream, toxicity, attributes, clients);
  }

  /** The same toxic with other toxicity. */
  public Toxic withToxicity(double newToxicity) {
    return new Toxic(name, type, stream, newToxicity, attributes, clients);
  }

  /** The same toxic with some attributes replaced (the others kept), as Toxiproxy's update does. */
  public Toxic withAttributes(Map<String, Long> changes) {
    Map<String, Long> merged = new LinkedHashMap<>(attributes);
    merged.putAll(changes);
    return new Toxic(name, type, stream, toxicity, merged, clients);
  }

  /** The same toxic acting only on connections from {@code sources} (IP literals); empty: on every connection. */
  public Toxic from(Set<String> sources) {
    return new Toxic(name, type, stream, toxicity, attributes, sources);
  }

  /** Whether it acts on a connection from {@code client} (an IP literal). */
  public boolean actsOn(String client) {
    return clients.isEmpty() || clients.contains(client);
  }

  @Override
  public String describe() {
    String attrs = attributes.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return type.wireName() + " " + stream.wireName() + " (" + attrs + ")"
        + (toxicity < 1 ? " toxicity=" + toxicity : "") + (clients.isEmpty() ? "" : " from " + clients);
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
