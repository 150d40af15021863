package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The toxic types, with Toxiproxy 2.x's names, attributes (all integers, in Toxiproxy's units) and
 * defaults (0 where Toxiproxy has none).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ToxicType {
  /** Delays each chunk by {@code latency} ms +/- {@code jitter} ms. */
  LATENCY("latency", "latency", "jitter"),
  /** Limits the rate to {@code rate} KB/s (1 KB = 1000 bytes); 0 stalls the stream, keeping it open. */
  BANDWIDTH("bandwidth", "rate"),
  /** Delays closing the socket by {@code delay} ms. */
  SLOW_CLOSE("slow_close", "delay"),
  /** Drops all data and closes the connection {@code timeout} ms after the last chunk; 0 = never closes. */
  TIMEOUT("timeout", "timeout"),
  /** Resets the connection (TCP RST) {@code timeout} ms after the first chunk arrives. */
  RESET_PEER("reset_peer", "timeout"),
  /** Slices chunks into {@code average_size} +/- {@code size_variation} bytes, {@code delay} us apart. */
  SLICER("slicer", "average_size", "size_variation", "delay"),
  /** Closes the connection once {@code bytes} bytes went through. */
  LIMIT_DATA("limit_data", "bytes");

  private final String wireName;
  private final List<String> attributes;

  ToxicType(String wireName, String... attributes) {
    this.wireName = wireName;
    this.attributes = List.of(attributes);
  }

  /** The Toxiproxy type name, e.g. {@code slow_close}. */
  public String wireName() {
    return wireName;
  }

  /** The attribute names, in Toxiproxy's order. */
  public List<String> attributeNames() {
    return attributes;
  }

  /** Every attribute at its default (0). */
  public Map<String, Long> defaults() {
    Map<String, Long> all = new LinkedHashMap<>();
    attributes.forEach(a -> all.put(a, 0L));
    return all;
  }

  /** Finds a type by its Toxiproxy name. */
  public static ToxicType of(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown toxic type [" + name + "]: use one of "
            + Arrays.stream(values()).map(ToxicType::wireName).collect(Collectors.joining(", "))));
  }
}
