package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.internal.buggify.Catalogue;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixAnalyzer;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.internal.plan.ServiceDeclaration;
import dev.chaosjunit.junit.internal.plan.ServiceScanner;
import dev.chaosjunit.junit.support.EchoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-cell overhead of the extension: reset, apply, a scenario that does nothing, firings, revert and
 * judgement, against the in-JVM engine with one proxy. Target: under 5 ms per cell.
 * Run: {@code mvn -pl chaos-junit-extension -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.chaosjunit.junit.internal.run.CellOverheadBenchmark} (or from the IDE).
 */
public final class CellOverheadBenchmark {

  private CellOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    List<ServiceDeclaration> services = ServiceScanner.scan(Bench.class);
    MatrixPlan matrix = MatrixAnalyzer.analyze(Bench.class, Bench.class.getDeclaredMethod("matrix"), services,
        Backend.ENGINE, Optional.empty());
    try (TopologyResource proxies = TopologyResource.start(Bench.class, 42,
            seed -> FaultBackend.start(Backend.ENGINE, Optional.empty(), seed, Bench.class), new ClassTime(Bench.class));
        ScenarioRunner runner = new ScenarioRunner()) {
      CellExecution execution = new CellExecution(proxies, runner, matrix,
          new Ledger(new Catalogue("none", List.of(), Set.of())));
      Bench instance = new Bench();
      measure(execution, matrix, instance, rounds / 4);
      long[] nanos = measure(execution, matrix, instance, rounds);
      for (int kind = 0; kind < matrix.cells().size(); kind++) {
        report(matrix.cells().get(kind).name(), every(nanos, kind, matrix.cells().size()));
      }
      report("all cells", nanos);
    }
  }

  private static long[] measure(CellExecution execution, MatrixPlan matrix, Bench instance, int rounds)
      throws InterruptedException {
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      CellPlan cell = matrix.cells().get(i % matrix.cells().size());
      long start = System.nanoTime();
      execution.run(CellInvocation.of(cell, 1, 1, 42), instance);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static long[] every(long[] nanos, int offset, int step) {
    long[] picked = new long[nanos.length / step];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = nanos[i * step + offset];
    }
    return picked;
  }

  private static void report(String what, long[] nanos) {
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    System.out.printf("%-22s n=%5d mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, nanos.length, mean,
        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
  }

  /** One proxy, three faults, a scenario that does nothing. */
  static class Bench {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(100));
    @FaultAssumption static Fault down = Fault.on("echo").refuseConnections();
    @FaultAssumption static Fault capped = Fault.on("echo").limitData(10);

    @Scenario
    String nothing() {
      return "nothing";
    }

    @FaultMatrix(requireFiring = false)
    void matrix() {}
  }
}
