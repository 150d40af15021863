package dev.chaosjunit.proxy;

/** Parses and formats "host:port" (IPv6 hosts in brackets). */
record HostPort(String host, int port) {

  static HostPort parse(String proxy, String what, String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "proxy [" + proxy + "]: " + what + " address [" + text + "] must be host:port, e.g. localhost:6379");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new HostPort(host.isEmpty() ? null : host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "proxy [" + proxy + "]: " + what + " port in [" + text + "] is not a number", e);
    }
  }

  static String format(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
