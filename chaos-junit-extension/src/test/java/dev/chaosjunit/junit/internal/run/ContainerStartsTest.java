package dev.chaosjunit.junit.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.chaosjunit.images.Images;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startable;

/**
 * Containers that share Testcontainers' default wait strategy (one instance for every container without a
 * {@code waitingFor(...)}, which keeps the container it waits for in a field) start one after another:
 * started together, a healthy one was judged by the other's exit and failed (1 start in 40 on a loaded
 * machine). Real Redis containers that listen only a second after they start.
 */
class ContainerStartsTest {

  @Test
  void containersSharingTheDefaultWaitStrategyStartOneAfterAnotherInDeclarationOrder() {
    SlowRedis first = new SlowRedis();
    SlowRedis second = new SlowRedis();
    Map<String, Startable> containers = new LinkedHashMap<>();
    containers.put("first", first);
    containers.put("second", second);
    try {
      ContainerStarts starts = ContainerStarts.start(containers);

      assertThat(starts.each()).as("the services, in the order they came up").containsOnlyKeys("first", "second");
      assertThat(second.starting).as("the second starts once the first is up (it was up at %s)", first.started)
          .isAfterOrEqualTo(first.started);
    } finally {
      first.stop();
      second.stop();
    }
  }

  /** A Redis container with the default wait strategy that listens one second after it starts; records when. */
  static final class SlowRedis extends GenericContainer<SlowRedis> {
    volatile Instant starting;
    volatile Instant started;

    SlowRedis() {
      super(Images.redis());
      withExposedPorts(6379).withCommand("sh", "-c", "sleep 1 && exec redis-server --protected-mode no");
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse info) {
      starting = Instant.now();
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
      started = Instant.now();
    }
  }
}
