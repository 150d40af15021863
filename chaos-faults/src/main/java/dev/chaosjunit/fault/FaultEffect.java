package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One {@link Effect} of a {@link Fault} and the service whose proxy carries it out.
 *
 * @param service the service, as named by {@code @Chaos}
 * @param effect what goes wrong there
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultEffect(String service, Effect effect) {

  public FaultEffect {
    Checks.name(service, "service");
    if (effect == null) {
      throw new IllegalArgumentException("effect must not be null");
    }
  }

  /** {@code service: description}, e.g. {@code db: refuse connections}. */
  public String describe() {
    return service + ": " + effect.describe();
  }
}
