package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The HTTP/2 error codes of RST_STREAM and GOAWAY (RFC 9113, section 7). A GOAWAY with {@link #NO_ERROR}
 * is a graceful drain: the streams up to its last stream id finish, the client opens new ones on a new
 * connection. Any other code is an error: the connection ends after the GOAWAY.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Http2ErrorCode {
  NO_ERROR,
  PROTOCOL_ERROR,
  INTERNAL_ERROR,
  FLOW_CONTROL_ERROR,
  SETTINGS_TIMEOUT,
  STREAM_CLOSED,
  FRAME_SIZE_ERROR,
  REFUSED_STREAM,
  CANCEL,
  COMPRESSION_ERROR,
  CONNECT_ERROR,
  ENHANCE_YOUR_CALM,
  INADEQUATE_SECURITY,
  HTTP_1_1_REQUIRED;

  /** The number on the wire (the declaration order is the numbering, 0x0 to 0xd). */
  public int code() {
    return ordinal();
  }

  /** Parses a name (case-insensitive, e.g. {@code enhance_your_calm}) or its number (0-13). */
  public static Http2ErrorCode of(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (name.matches("\\d{1,2}") && Integer.parseInt(name) < values().length) {
      return values()[Integer.parseInt(name)];
    }
    return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown HTTP/2 error code [" + text + "]: use a name or number (0-13) of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
  }
}
