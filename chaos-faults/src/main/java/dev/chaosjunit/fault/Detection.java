package dev.chaosjunit.fault;

import java.time.Duration;
import java.util.Optional;

/** The evidence (unless a primitive's default) and the window a primitive builder has been given so far. */
record Detection(Optional<Evidence> evidence, Duration within) {

  static final Detection DEFAULT = new Detection(Optional.empty(), Primitive.DEFAULT_WINDOW);

  Detection by(Evidence newEvidence) {
    if (newEvidence == null) {
      throw new IllegalArgumentException("evidence must not be null");
    }
    return new Detection(Optional.of(newEvidence), within);
  }

  Detection within(Duration window) {
    return new Detection(evidence, window);
  }

  Evidence evidenceOr(Evidence byDefault) {
    return evidence.orElse(byDefault);
  }

  /** Checks a primitive's window: positive. */
  static Duration window(Duration within, String label) {
    if (within == null || within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("the detection window of [" + label + "] must be a positive duration,"
          + " was [" + within + "]");
    }
    return within;
  }
}
