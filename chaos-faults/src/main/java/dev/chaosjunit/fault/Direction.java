package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Which way bytes or messages travel through a proxy, named as in Toxiproxy. A toxic acts on the bytes
 * of its direction; a rule looks at the messages of its direction: requests travel {@link #UPSTREAM},
 * responses {@link #DOWNSTREAM}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Direction {
  /** Client to server: requests. */
  UPSTREAM,
  /** Server to client: responses (Toxiproxy's default stream for toxics). */
  DOWNSTREAM;

  /** The Toxiproxy name: {@code upstream} or {@code downstream}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code upstream}/{@code downstream}, or the message names {@code request}/{@code response}
   * (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Direction of(String name) {
    String text = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "upstream", "request" -> UPSTREAM;
      case "downstream", "response" -> DOWNSTREAM;
      default -> throw new IllegalArgumentException(
          "unknown direction [" + name + "]: use upstream (requests) or downstream (responses)");
    };
  }
}
