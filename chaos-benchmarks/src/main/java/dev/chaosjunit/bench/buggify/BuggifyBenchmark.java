package dev.chaosjunit.bench.buggify;

import dev.chaosjunit.buggify.Assert;
import dev.chaosjunit.buggify.Buggify;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Buggify and Assert cost in production, where no chaos test installs a runtime: each call against an
 * empty method. Run: {@code java -cp chaos-benchmarks/target/chaos-benchmarks-*-bench.jar org.openjdk.jmh.Main Buggify}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BuggifyBenchmark {

  private int counter;

  /** The floor: a method that does nothing. */
  @Benchmark
  public void emptyMethod() {
  }

  /** The floor for a call whose result is used: returns a constant. */
  @Benchmark
  public boolean emptyReturningFalse() {
    return false;
  }

  @Benchmark
  public boolean hitDisabled() {
    return Buggify.hit("orders.insert");
  }

  @Benchmark
  public boolean hitWithProbabilityDisabled() {
    return Buggify.hit("orders.read", 0.05);
  }

  @Benchmark
  public int pickDisabled() {
    return Buggify.pick("orders.batch", 100, 1);
  }

  /** An always-assertion whose condition varies, so the call cannot be folded away with it. */
  @Benchmark
  public void alwaysDisabled() {
    Assert.always(++counter != 0, "counter never wraps to zero");
  }
}
