package dev.chaosjunit.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.ProxyEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The evidence read from the proxies' connection events, fed in by hand and out of order as threads deliver them. */
class ConnectionWatchTest {

  private static final Instant APPLIED = Instant.parse("2026-01-01T00:00:10Z");

  private final ConnectionWatch watch = new ConnectionWatch();

  @Test
  void aLossCountsFromTheApplyOnAndOnlyOnItsProxy() {
    watch.accept(closed("db", 9));
    watch.accept(closed("cache", 11));
    assertThat(watch.firstLost("db", APPLIED)).isEmpty();

    watch.accept(new ProxyEvent.UpstreamUnreachable(at(13), "db", 3, "localhost:5432", "refused"));
    watch.accept(closed("db", 12));

    assertThat(watch.firstLost("db", APPLIED)).contains(at(12));
    assertThat(watch.summary("db", APPLIED)).isEqualTo("2 connections lost, 0 opened");
  }

  @Test
  void aReconnectIsAnOpenAfterTheLoss() {
    watch.accept(opened("db", 11));
    watch.accept(closed("db", 12));
    Instant lost = watch.firstLost("db", APPLIED).orElseThrow();
    assertThat(watch.firstOpened("db", lost)).as("opened before the loss").isEmpty();

    watch.accept(opened("db", 14));

    assertThat(watch.firstOpened("db", lost)).contains(at(14));
  }

  @Test
  void clearForgetsEverything() {
    watch.accept(closed("db", 12));
    watch.accept(new ProxyEvent.ProxyStateChanged(at(12), "db", false));
    watch.clear();

    assertThat(watch.summary("db", APPLIED)).isEqualTo("0 connections lost, 0 opened");
  }

  private static ProxyEvent closed(String proxy, int second) {
    return new ProxyEvent.ConnectionClosed(at(second), proxy, second, 10, 10);
  }

  private static ProxyEvent opened(String proxy, int second) {
    return new ProxyEvent.ConnectionOpened(at(second), proxy, second, "127.0.0.1:40000");
  }

  private static Instant at(int second) {
    return APPLIED.plusSeconds(second - 10);
  }
}
