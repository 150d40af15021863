package dev.chaosjunit.buggify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API's own contract: no-ops without a runtime, every call forwarded to the installed one. The runtime
 * here records calls (the real one lives in chaos-junit-extension, which depends on this module).
 */
class BuggifyTest {

  private final Recording recording = new Recording();

  @AfterEach
  void uninstall() {
    ChaosRuntime.uninstall(recording);
  }

  @Test
  void withoutRuntimeNothingFiresAndAssertionsAreNoOps() {
    assertThat(Buggify.hit("site")).isFalse();
    assertThat(Buggify.hit("site", 1.0)).isFalse();
    assertThat(Buggify.pick("site", "normal", "buggified")).isEqualTo("normal");
    Buggify.quiet().close();
    Assert.always(false, "no runtime");
    Assert.unreachable("no runtime");
    assertThat(recording.calls).isEmpty();
  }

  @Test
  void callsReachTheInstalledRuntimeWithTheirProbability() {
    ChaosRuntime.install(recording);
    assertThat(Buggify.hit("a")).isTrue();
    assertThat(Buggify.hit("b", 0.5)).isTrue();
    assertThat(Buggify.pick("c", 1, 2)).isEqualTo(2);
    assertThat(recording.calls).containsExactly("a@0.25", "b@0.5", "c@0.25");
  }

  @Test
  void assertionsReachTheInstalledRuntimeWithTheirKind() {
    ChaosRuntime.install(recording);
    Assert.always(true, "m1");
    Assert.alwaysOrUnreachable(false, "m2", Map.of("k", 1));
    Assert.sometimes(true, "m3");
    Assert.reachable("m4");
    Assert.unreachable("m5");
    assertThat(recording.calls).containsExactly("ALWAYS true m1 {}", "ALWAYS_OR_UNREACHABLE false m2 {k=1}",
        "SOMETIMES true m3 {}", "REACHABLE true m4 {}", "UNREACHABLE false m5 {}");
  }

  @Test
  void uninstallingAnotherRuntimeKeepsTheInstalledOne() {
    ChaosRuntime.install(recording);
    ChaosRuntime.uninstall(new Recording());
    assertThat(Buggify.hit("still")).isTrue();
    ChaosRuntime.uninstall(recording);
    assertThat(Buggify.hit("gone")).isFalse();
  }

  @Test
  void assertTypesCarryAntithesisNames() {
    assertThat(AssertType.ALWAYS_OR_UNREACHABLE.method()).isEqualTo("alwaysOrUnreachable");
    assertThat(AssertType.REACHABLE.assertType()).isEqualTo("reachability");
    assertThat(AssertType.UNREACHABLE.mustHit()).isFalse();
    assertThat(AssertType.SOMETIMES.safety()).isFalse();
    assertThat(AssertType.UNREACHABLE.safety()).isTrue();
  }

  private static final class Recording implements ChaosRuntime {
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean buggify(String site, double probability) {
      calls.add(site + "@" + probability);
      return true;
    }

    @Override
    public void assertion(AssertType type, boolean condition, String message, Map<String, ?> details) {
      calls.add(type + " " + condition + " " + message + " " + details);
    }

    @Override
    public Buggify.Quiet quiet() {
      return () -> { };
    }
  }
}
