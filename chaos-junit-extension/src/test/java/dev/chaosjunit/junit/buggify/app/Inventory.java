package dev.chaosjunit.junit.buggify.app;

import dev.chaosjunit.buggify.Assert;
import dev.chaosjunit.buggify.Buggify;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny application with buggify sites and assertions, called in the test JVM by the fixtures' scenarios. */
public final class Inventory {

  private static final List<Boolean> DRAWS = new ArrayList<>();

  private Inventory() {}

  /** Reserves {@code count} items; the site {@code inventory.reserve} makes it fail. */
  public static String reserve(int count) {
    if (Buggify.hit("inventory.reserve", 1.0)) {
      Assert.reachable("a reservation was buggified");
      throw new IllegalStateException("buggified reservation");
    }
    Assert.always(count > 0, "a reservation is positive", Map.of("count", count));
    Assert.sometimes(count > 100, "a big reservation happened");
    return "reserved " + count;
  }

  /** Reaches the site {@code inventory.scan} {@code times} times at probability 0.5, remembering each draw. */
  public static synchronized List<Boolean> scan(int times) {
    DRAWS.clear();
    for (int i = 0; i < times; i++) {
      DRAWS.add(Buggify.hit("inventory.scan", 0.5));
    }
    return List.copyOf(DRAWS);
  }
}
