package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ProxyEvent;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The random decisions of one toxic on one connection and stream: whether it acts there (its toxicity)
 * and the source of its jitter or slice sizes, both derived from the seed the toxic was added under and
 * the ordinal of this connection among those the toxic met since. Each draw is an event; a toxicity of 0
 * or 1 decides without one. A toxic for some clients only never acts on, nor counts, a connection from another.
 */
final class ToxicDraws {

  private final Connection connection;
  private final ActiveToxic toxic;
  private final long ordinal;
  private final boolean applies;
  private SplittableRandom random;

  ToxicDraws(Connection connection, ActiveToxic toxic) {
    this.connection = connection;
    this.toxic = toxic;
    boolean fromClient = toxic.spec.actsOn(connection.clientHost());
    this.ordinal = fromClient ? toxic.nextConnection() : 0;
    double toxicity = toxic.spec.toxicity();
    if (!fromClient || toxicity >= 1 || toxicity <= 0) {
      applies = fromClient && toxicity >= 1;
    } else {
      double draw = Seeds.unit(toxic.seed, connection.proxy().name(), toxic.name(), "toxicity", ordinal);
      drew("toxicity", draw);
      applies = draw < toxicity;
    }
  }

  boolean applies() {
    return applies;
  }

  /** A draw in [-range, range] (range capped so that the arithmetic cannot overflow), e.g. a jitter. */
  long spread(String draw, long range) {
    if (random == null) {
      random = new SplittableRandom(Seeds.derive(toxic.seed, connection.proxy().name(), toxic.name(), "spread", ordinal));
    }
    long r = Math.min(range, Long.MAX_VALUE / 4);
    long value = random.nextLong(2 * r + 1) - r;
    drew(draw, value);
    return value;
  }

  private void drew(String draw, double value) {
    connection.proxy().publish(new ProxyEvent.FaultDrew(Instant.now(), connection.proxy().name(), connection.id,
        ProxyEvent.FaultKind.TOXIC, toxic.name(), draw, ordinal, value));
  }
}
