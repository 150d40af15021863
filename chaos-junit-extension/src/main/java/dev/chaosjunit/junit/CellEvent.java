package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Something that happened while a cell ran: a kind (one of the constants here, or a kind another source
 * adds) and its attributes. Connections are numbered within the cell ({@code connection} = 1 for the first
 * connection the cell's events name; {@code earlier} for the close of one only an earlier cell used), so
 * events compare across runs; only {@link #at()} is a time.
 *
 * @param at when it happened, since the cell began (after the proxies were reset)
 * @param kind what happened, e.g. {@link #FAULT_FIRED}
 * @param proxy the service whose proxy it happened in
 * @param attributes what else it carries (e.g. {@code fault}, {@code connection}, {@code matched}), in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CellEvent(Duration at, String kind, String proxy, Map<String, String> attributes) {

  /** A fault's toxic or rule was added ({@code fault}, {@code type}, {@code description}). */
  public static final String FAULT_APPLIED = "fault-applied";
  /** A fault's toxic or rule was removed ({@code fault}, {@code type}). */
  public static final String FAULT_REVERTED = "fault-reverted";
  /**
   * A fault acted: a rule on a message ({@code matched} holds the message's keys), a toxic the first time on
   * a connection and stream ({@code fault}, {@code type}, {@code action}, {@code firing}, {@code connection}).
   */
  public static final String FAULT_FIRED = "fault-fired";
  /**
   * A fault drew a random decision ({@code fault}, {@code type}, {@code draw}: probability, toxicity, jitter
   * or slice; {@code ordinal}, {@code value}, {@code connection}).
   */
  public static final String FAULT_DREW = "fault-drew";
  /**
   * An application's buggify site drew while active or forced on ({@code site}, {@code ordinal}: its n-th
   * reach in the cell, {@code fired}, {@code forced}); {@code proxy} is empty: it happened in the test JVM.
   */
  public static final String BUGGIFY_DREW = "buggify-drew";
  /** A client connected through the proxy ({@code connection}). */
  public static final String CONNECTION_OPENED = "connection-opened";
  /** A connection ended ({@code connection}, {@code bytes-upstream}, {@code bytes-downstream}). */
  public static final String CONNECTION_CLOSED = "connection-closed";
  /** The proxy could not reach its upstream ({@code connection}, {@code reason}). */
  public static final String UPSTREAM_UNREACHABLE = "upstream-unreachable";
  /** The proxy stopped accepting connections (e.g. a refuse-connections fault). */
  public static final String PROXY_DISABLED = "proxy-disabled";
  /** The proxy accepts connections again. */
  public static final String PROXY_ENABLED = "proxy-enabled";
  /**
   * A primitive did its damage ({@code primitive}: its label, e.g. {@code kill} or {@code partition};
   * {@code detail}: what was done, when there is more to say); {@code proxy} is the service it acted on.
   */
  public static final String PRIMITIVE_APPLIED = "primitive-applied";
  /** The evidence that the system noticed a primitive showed within its window ({@code primitive}, {@code detail}). */
  public static final String PRIMITIVE_DETECTED = "primitive-detected";
  /** A primitive's window ended without its evidence: the cell fails ({@code primitive}, {@code detail}: what was seen). */
  public static final String PRIMITIVE_NOT_DETECTED = "primitive-not-detected";
  /**
   * A primitive's damage was undone ({@code primitive}, {@code detail}: e.g. a restarted container's new port,
   * or a flapping link's phases). Details may carry ports and times, which differ between runs.
   */
  public static final String PRIMITIVE_REVERTED = "primitive-reverted";
  /**
   * A soak's workload call returned ({@code millis}: how long it took, {@code phase}: {@code hold} while the
   * fault was applied, {@code recovery} after its revert); {@code proxy} is {@code workload}.
   */
  public static final String SOAK_CALL_SUCCEEDED = "soak-call-succeeded";
  /** A soak's workload call threw or did not return in time ({@code millis}, {@code phase}, {@code error}). */
  public static final String SOAK_CALL_FAILED = "soak-call-failed";

  public CellEvent {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** Whether this event is of one of {@code kinds}. */
  public boolean is(String... kinds) {
    for (String k : kinds) {
      if (kind.equals(k)) {
        return true;
      }
    }
    return false;
  }

  /** An attribute, if present. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The fault's engine name ({@code fault} attribute: the fault's name, or {@code name-2}... for its further effects), else empty. */
  public String fault() {
    return attributes.getOrDefault("fault", "");
  }

  /** The event without its time, e.g. {@code fault-fired cache fault=coin type=RULE ... connection=1}: what replays compare. */
  public String describe() {
    String attrs = attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    return kind + " " + proxy + (attrs.isEmpty() ? "" : " " + attrs);
  }
}
