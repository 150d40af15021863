package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How a {@link Action.Drop dropped} message is dropped. Every protocol supports {@link #CLOSE},
 * {@link #RESET} and {@link #BLACKHOLE}; the others are protocol-specific and the protocol's inspector
 * rejects them where they mean nothing (at discovery, when a matrix declares them).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DropMode {
  /** Close the connection cleanly. */
  CLOSE,
  /** Reset the connection (TCP RST). */
  RESET,
  /** Swallow the message and everything after it, keeping the connection open: the client waits. */
  BLACKHOLE,
  /** Kafka: send no response to this request, keep the connection: the client's request times out. */
  TIMEOUT,
  /**
   * gRPC and HTTP/2: end this stream alone with RST_STREAM (its {@code code}, default CANCEL); other
   * streams on the connection go on. On an HTTP/1.1 connection: close it.
   */
  RST_STREAM,
  /**
   * gRPC / HTTP/2: send GOAWAY with the last stream before this call; its error code is the drop's
   * {@code code} (default NO_ERROR: a graceful drain). On an HTTP/1.1 connection: close it.
   */
  GOAWAY;

  /** The name in the admin API, lower case, e.g. {@code rst_stream}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #wireName()} (case-insensitive). */
  public static DropMode of(String name) {
    String text = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown drop mode [" + name + "]: use one of "
            + Arrays.stream(values()).map(DropMode::wireName).collect(Collectors.joining(", "))));
  }
}
