package dev.chaosjunit.proxy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzz seeds captured from real traffic: a real client driver talking to a real server through a {@link
 * TrafficRecorder}, each connection saved as a {@link FuzzInput} (its reads in the order and the cuts they
 * arrived in) in the fuzz target's inputs directory, as {@code captured-<name>-<n>} (no rule) and {@code
 * captured-<name>-<n>-rules} (the target's first rule set), where every later build replays it and every
 * fuzzing run starts from it. The capture tests (JUnit tag {@code capture}) run only by {@code chaos-proxies/fuzz
 * capture}: they need the protocol's server, and their output differs at each run (nonces, ids, timestamps).
 * Each captured input must pass the fuzz target, and be decoded to its end with no rule, before it is saved.
 */
public final class CapturedSeeds {

  /** The bytes kept per connection at most: fuzzers work best on small seeds. */
  private static final int LIMIT = 16 * 1024;

  /** One run of a fuzz target on an input ({@code SomeFuzzTest::session}). */
  @FunctionalInterface
  public interface Target {
    void run(byte[] input) throws Exception;
  }

  private CapturedSeeds() {}

  /**
   * Saves each connection {@code recorder} recorded as seeds of {@code fuzzTest}'s {@code method}, replacing
   * those captured earlier under {@code name}, after checking that it holds both sides' bytes and passes
   * {@code target} with and without a rule. Returns how many connections were saved.
   */
  public static int save(Class<?> fuzzTest, String method, String name, TrafficRecorder recorder, Target target)
      throws Exception {
    List<List<FuzzInput.Chunk>> connections = recorder.connections();
    assertThat(connections).as("connections recorded for %s", name).isNotEmpty();
    Path dir = SeedCorpus.inputs(fuzzTest, method);
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.filter(f -> f.getFileName().toString().startsWith("captured-" + name + "-")).toList()) {
        Files.delete(file);
      }
    }
    int n = 0;
    for (List<FuzzInput.Chunk> reads : connections) {
      assertThat(reads).as("connection %d of %s: the client's bytes", n, name).anyMatch(read -> !read.fromServer());
      assertThat(reads).as("connection %d of %s: the server's bytes", n, name).anyMatch(FuzzInput.Chunk::fromServer);
      byte[] plain = FuzzInput.of(0, reads, LIMIT).bytes();
      byte[] ruled = FuzzInput.of(1, reads, LIMIT).bytes();
      target.run(plain);
      assertThat(SessionFuzzer.gaveUpInLastInput())
          .as("connection %d of %s: why the session gave up decoding the real traffic (a seed it cannot follow "
              + "does not reach the inspector's code: capture traffic as it passes the proxy)", n, name).isNull();
      target.run(ruled);
      SeedCorpus.write(dir.resolve("captured-" + name + "-" + n), plain);
      SeedCorpus.write(dir.resolve("captured-" + name + "-" + n + "-rules"), ruled);
      n++;
    }
    return n;
  }
}
