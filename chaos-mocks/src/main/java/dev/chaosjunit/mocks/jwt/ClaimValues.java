package dev.chaosjunit.mocks.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/** Turns a test's claim map into a claim set; time claims may be Instant, Date or epoch seconds. */
final class ClaimValues {

  private static final Set<String> TIMES = Set.of("exp", "iat", "nbf");

  private ClaimValues() {}

  static JWTClaimsSet.Builder toBuilder(Map<String, ?> claims) {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
    claims.forEach((name, value) -> builder.claim(name, TIMES.contains(name) ? time(name, value) : value));
    return builder;
  }

  private static Date time(String name, Object value) {
    if (value instanceof Instant instant) {
      return Date.from(instant);
    }
    if (value instanceof Date date) {
      return date;
    }
    if (value instanceof Number seconds) {
      return Date.from(Instant.ofEpochSecond(seconds.longValue()));
    }
    throw new IllegalArgumentException("Claim [" + name + "] must be an Instant, a Date or epoch seconds, "
        + "not [" + value + "] (" + (value == null ? "null" : value.getClass().getName()) + ")");
  }
}
