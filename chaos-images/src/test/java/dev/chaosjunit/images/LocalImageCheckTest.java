package dev.chaosjunit.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

class LocalImageCheckTest {

  @Test
  void missingImageFailsWithinSecondsNamingTheImageAndTheFix() {
    LocalImageCheck check = new LocalImageCheck(new DockerEngineProbe());
    DockerImageName missing = DockerImageName.parse("chaos-local/no-such-image:0");
    long start = System.nanoTime();

    assertThatThrownBy(() -> check.require(missing))
        .isInstanceOf(MissingImageException.class)
        .hasMessageStartingWith("image chaos-local/no-such-image:0 not found: run .ci/setup");
    // Seconds, not the minutes of pull retries this check exists to prevent; generous for a loaded machine.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void noEngineFailsOnceWithTheFixAndNeverAsksForTheImage() {
    CountingProbe probe = new CountingProbe(false, true);
    LocalImageCheck check = new LocalImageCheck(probe);

    assertThatThrownBy(() -> check.require(DockerImageName.parse("chaos-local/redis:7.0")))
        .isInstanceOf(MissingImageException.class)
        .hasMessage("No Docker engine answers (stub engine): start it with .ci/docker-up (installs and "
            + "starts it), or run .ci/setup (engine and images).");
    assertThat(probe.imageQueries).hasValue(0);
  }

  @Test
  void presentImageIsCheckedOnlyOnce() {
    CountingProbe probe = new CountingProbe(true, true);
    LocalImageCheck check = new LocalImageCheck(probe);
    DockerImageName image = DockerImageName.parse("chaos-local/redis:7.0");

    assertThat(check.require(image)).isSameAs(image);
    assertThat(check.require(image)).isSameAs(image);
    assertThat(probe.engineQueries).hasValue(1);
    assertThat(probe.imageQueries).hasValue(1);
  }

  /** Stands in for an engine in states a shared test machine cannot be put into (engine stopped). */
  private static final class CountingProbe implements LocalImageCheck.EngineProbe {
    private final boolean available;
    private final boolean hasImages;
    final AtomicInteger engineQueries = new AtomicInteger();
    final AtomicInteger imageQueries = new AtomicInteger();

    CountingProbe(boolean available, boolean hasImages) {
      this.available = available;
      this.hasImages = hasImages;
    }

    @Override
    public boolean available() {
      engineQueries.incrementAndGet();
      return available;
    }

    @Override
    public boolean hasImage(String canonicalName) {
      imageQueries.incrementAndGet();
      return hasImages;
    }

    @Override
    public String describe() {
      return "stub engine";
    }
  }
}
