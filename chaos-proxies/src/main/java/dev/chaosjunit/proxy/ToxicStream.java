package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.rule.Direction;
import java.util.Locale;
import org.apiguardian.api.API;

/** The direction a toxic acts on, named as in Toxiproxy. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ToxicStream {
  /** Client to server. */
  UPSTREAM,
  /** Server to client (Toxiproxy's default). */
  DOWNSTREAM;

  /** The Toxiproxy name: {@code upstream} or {@code downstream}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rule direction bytes of this stream travel in. */
  public Direction direction() {
    return this == UPSTREAM ? Direction.REQUEST : Direction.RESPONSE;
  }

  /** Parses {@code upstream}/{@code downstream} (case-insensitive). */
  public static ToxicStream of(String name) {
    for (ToxicStream s : values()) {
      if (s.wireName().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown toxic stream [" + name + "]: use upstream or downstream");
  }
}
