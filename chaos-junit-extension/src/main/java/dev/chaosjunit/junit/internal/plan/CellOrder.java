package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.internal.ChaosConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order a matrix runs its invocations in, chosen by {@code -Dchaos.order}: as declared (the default), or
 * shuffled by the run seed, so the same seed runs the same order. Only the order changes: each invocation
 * keeps its cell, name and seed.
 */
@API(status = INTERNAL, since = "0.1")
public enum CellOrder {
  /** Scenarios outer, faults inner, each cell's iterations in a row. */
  DECLARATION,
  /** A permutation drawn from the run seed. */
  RANDOM;

  private static final Logger LOG = LoggerFactory.getLogger(CellOrder.class);

  /** The configured order; an unknown name fails the matrix at discovery. */
  public static CellOrder of(ExtensionContext context) {
    return ChaosConfig.choice(context, ChaosConfig.ORDER, CellOrder.class, DECLARATION, "cell order", "use"
        + " declaration (the default: scenarios outer, faults inner) or random (shuffled by the run seed, "
        + ChaosConfig.SEED + ")");
  }

  /** The invocations of {@code matrix} in this order under {@code runSeed}; a random order is logged with its seed. */
  public List<CellInvocation> arrange(MatrixPlan matrix, List<CellInvocation> invocations, long runSeed) {
    if (this == DECLARATION) {
      return invocations;
    }
    List<CellInvocation> shuffled = new ArrayList<>(invocations);
    Collections.shuffle(shuffled, new Random(runSeed));
    LOG.info("{}.{}() runs its {} cells in random order under seed {}; the same order again: -D{}={} -D{}={}",
        matrix.testClass().getSimpleName(), matrix.methodName(), shuffled.size(), runSeed, ChaosConfig.SEED, runSeed,
        ChaosConfig.ORDER, configName());
    return shuffled;
  }

  /** The name in {@code -Dchaos.order}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
