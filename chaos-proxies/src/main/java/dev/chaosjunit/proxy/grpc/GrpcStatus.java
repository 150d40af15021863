package dev.chaosjunit.proxy.grpc;

import java.util.List;
import java.util.Locale;

/** gRPC status codes by name and number, as an ERROR action's {@code code} gives them. */
final class GrpcStatus {

  private static final List<String> NAMES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
      "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
      "DATA_LOSS", "UNAUTHENTICATED");

  private GrpcStatus() {}

  /**
   * The status number for a name ({@code UNAVAILABLE}) or number ({@code 14}), 1 to 16.
   *
   * @throws IllegalArgumentException naming the valid codes
   */
  static int parse(String code) {
    String text = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    int number = NAMES.indexOf(text);
    if (number < 0 && text.matches("\\d{1,2}")) {
      number = Integer.parseInt(text);
    }
    if (number < 1 || number > 16) {
      throw new IllegalArgumentException("gRPC ERROR action: code [" + code + "] is not a gRPC error status;"
          + " use a name or number from 1 to 16, e.g. UNAVAILABLE (14), DEADLINE_EXCEEDED (4), INTERNAL (13)");
    }
    return number;
  }

  /** Percent-encodes a status message as grpc-message requires (printable ASCII except '%' as is). */
  static String encodeMessage(String message) {
    StringBuilder out = new StringBuilder();
    for (byte b : message.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      if (b >= 0x20 && b < 0x7F && b != '%') {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
