package dev.chaosjunit.proxy.http;

import java.util.List;

/** How long a message body is (RFC 9112, section 6): the rules for requests and for responses. */
final class HttpFraming {

  private HttpFraming() {}

  /** A request has a body only with Transfer-Encoding (chunked last) or Content-Length. */
  static BodyScanner request(HttpHead head) {
    if (!head.values("Transfer-Encoding").isEmpty()) {
      if (!chunkedLast(head)) {
        throw new HttpCodecException("request Transfer-Encoding without chunked last");
      }
      return BodyScanner.chunked();
    }
    return BodyScanner.fixed(contentLength(head, 0));
  }

  /** A response's body: none after HEAD, 1xx, 204 and 304; else chunked, Content-Length or until close. */
  static BodyScanner response(HttpHead head, String method, int status) {
    if (method.equals("HEAD") || status == 204 || status == 304) {
      return BodyScanner.fixed(0);
    }
    if (!head.values("Transfer-Encoding").isEmpty()) {
      return chunkedLast(head) ? BodyScanner.chunked() : BodyScanner.untilClose();
    }
    long length = contentLength(head, -1);
    return length < 0 ? BodyScanner.untilClose() : BodyScanner.fixed(length);
  }

  private static boolean chunkedLast(HttpHead head) {
    List<String> codings = head.values("Transfer-Encoding");
    String[] last = codings.get(codings.size() - 1).split(",");
    return last[last.length - 1].strip().equalsIgnoreCase("chunked");
  }

  private static long contentLength(HttpHead head, long absent) {
    List<String> values = head.values("Content-Length");
    if (values.isEmpty()) {
      return absent;
    }
    String first = values.get(0).split(",")[0].strip();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.strip().equals(first) || !first.matches("\\d{1,18}")) {
          throw new HttpCodecException("Content-Length [" + value + "] is not one whole number");
        }
      }
    }
    return Long.parseLong(first);
  }
}
