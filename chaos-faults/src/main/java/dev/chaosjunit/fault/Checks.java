package dev.chaosjunit.fault;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Argument checks of the model; each message names the value and what is allowed. */
final class Checks {

  private Checks() {}

  static String name(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  static double probability(double value, String what) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, was [" + value + "]");
    }
    return value;
  }

  static long nonNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, was [" + value + "]");
    }
    return value;
  }

  static Duration nonNegative(Duration value, String what) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be a non-negative duration, was [" + value + "]");
    }
    return value;
  }

  static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
