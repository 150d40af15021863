package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ExcludeCell;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.Misconfiguration;
import dev.chaosjunit.junit.internal.buggify.Catalogue;
import dev.chaosjunit.junit.internal.buggify.CatalogueException;
import dev.chaosjunit.junit.internal.buggify.CatalogueScanner;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Turns a template method into a validated {@link MatrixPlan}, or fails with a configuration error. */
@API(status = INTERNAL, since = "0.1")
public final class MatrixAnalyzer {

  private final MatrixSpec spec;
  private final Class<?> testClass;
  private final Map<String, ScenarioDef> scenarios;
  private final Map<String, FaultDef> faults;

  private MatrixAnalyzer(Class<?> testClass, Method method) {
    this.spec = MatrixSpecs.of(method);
    this.testClass = testClass;
    this.scenarios = byName(ScenarioCatalog.scan(testClass), ScenarioDef::name);
    this.faults = byName(FaultCatalog.scan(testClass), FaultDef::name);
  }

  /** Analyses the {@code @FaultMatrix} or {@code @FaultScenario} method of a class. */
  public static MatrixPlan analyze(ExtensionContext context, List<ServiceDeclaration> services) {
    return analyze(context.getRequiredTestClass(), context.getRequiredTestMethod(), services, Backend.of(context),
        ChaosConfig.get(context, ChaosConfig.ITERATIONS));
  }

  /** Analyses a method for a backend, with the {@code chaos.iterations} setting if there is one. */
  public static MatrixPlan analyze(Class<?> testClass, Method method, List<ServiceDeclaration> services, Backend backend,
      Optional<String> iterations) {
    MatrixAnalyzer analyzer = new MatrixAnalyzer(testClass, method);
    String proxyHost = AnnotationSupport.findAnnotation(testClass, ChaosTest.class).map(ChaosTest::proxyHost)
        .orElse("");
    return analyzer.plan(method.getName(), new FaultValidator(services, backend, proxyHost, analyzer::sites),
        iterations);
  }

  private MatrixPlan plan(String methodName, FaultValidator validator, Optional<String> configuredIterations) {
    int iterations = iterations(configuredIterations);
    List<ScenarioDef> rows = select(spec.scenarios(), scenarios, "scenarios", "@Scenario method");
    boolean singleBaseline = spec.annotation().equals("FaultScenario") && spec.faults().isEmpty();
    List<FaultDef> columns = singleBaseline ? List.of() : select(spec.faults(), faults, "faults", "@FaultAssumption");
    columns.forEach(validator::check);
    if (rows.isEmpty() || (columns.isEmpty() && !spec.baseline())) {
      throw Misconfiguration.of(spec.annotation(), spec.element(), "the matrix is empty (" + rows.size()
          + " scenarios, " + columns.size() + " faults, baseline " + spec.baseline() + ")",
          "declare @Scenario methods and @FaultAssumption faults, or enable the baseline");
    }
    spec.overrides().forEach(r -> checkNames(r.cells(), "Expect"));
    spec.excludes().forEach(e -> checkNames(CellSelector.of(e.scenario(), e.fault()), "ExcludeCell"));
    Duration timeout = DurationText.parse(spec.timeout(), spec.annotation(), spec.element(), "timeout")
        .orElse(Duration.ofSeconds(10));
    Optional<Catalogue> coverage = spec.coverage().isEmpty() ? Optional.empty()
        : Optional.of(catalogue(spec.coverage().stream().map(Class::getPackageName).toList()));
    return new MatrixPlan(testClass, methodName, cells(rows, columns), spec.requireFiring(), timeout,
        spec.namePattern(), StatusOfCatalog.scan(testClass), ReadinessProbe.of(spec, testClass), spec.buggify(),
        coverage, iterations);
  }

  /** {@code -Dchaos.iterations} over the annotation's; both must be at least 1. */
  private int iterations(Optional<String> configured) {
    if (spec.iterations() < 1) {
      throw Misconfiguration.of(spec.annotation(), spec.element(), "iterations = [" + spec.iterations()
          + "] is less than 1", "run each cell at least once: iterations = 1 (the default) or more");
    }
    return configured.map(MatrixAnalyzer::configuredIterations).orElse(spec.iterations());
  }

  private static int configuredIterations(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the fix
    }
    throw new ExtensionConfigurationException("-D" + ChaosConfig.ITERATIONS + "=[" + text + "] is not a whole"
        + " number of at least 1; pass how many times each cell runs, e.g. -D" + ChaosConfig.ITERATIONS + "=50");
  }

  /** The buggify sites a fault may force on: those of the test class's package and of the coverage classes'. */
  private Set<String> sites() {
    List<String> packages = new ArrayList<>(List.of(testClass.getPackageName()));
    spec.coverage().forEach(c -> packages.add(c.getPackageName()));
    return catalogue(packages).sites();
  }

  private Catalogue catalogue(List<String> packages) {
    try {
      return CatalogueScanner.scan(testClass.getClassLoader(), packages);
    } catch (CatalogueException e) {
      throw Misconfiguration.of(spec.annotation(), spec.element(), e.problem(), e.fix(), e);
    }
  }

  private List<CellPlan> cells(List<ScenarioDef> rows, List<FaultDef> columns) {
    ExpectationResolver expectations = new ExpectationResolver(spec, testClass);
    List<Optional<FaultDef>> allColumns = new ArrayList<>();
    if (spec.baseline()) {
      allColumns.add(Optional.empty());
    }
    columns.forEach(fault -> allColumns.add(Optional.of(fault)));
    List<CellPlan> cells = new ArrayList<>();
    for (ScenarioDef row : rows) {
      for (Optional<FaultDef> column : allColumns) {
        String faultName = column.map(FaultDef::name).orElse(FaultMatrix.NO_FAULT);
        cells.add(new CellPlan(cells.size() + 1, row, column, expectations.resolve(row.name(), faultName),
            exclusion(row.name(), faultName)));
      }
    }
    return cells;
  }

  private Optional<String> exclusion(String scenario, String fault) {
    return spec.excludes().stream()
        .filter(e -> CellSelector.of(e.scenario(), e.fault()).selects(scenario, fault))
        .map(ExcludeCell::reason)
        .findFirst();
  }

  private <T> List<T> select(List<String> names, Map<String, T> declared, String attribute, String what) {
    if (names.isEmpty()) {
      return new ArrayList<>(declared.values());
    }
    List<T> selected = new ArrayList<>();
    for (String name : names) {
      T found = declared.get(name);
      if (found == null) {
        throw Misconfiguration.of(spec.annotation(), spec.element(), attribute + " names unknown " + what
            + " [" + name + "]", "use one of " + declared.keySet());
      }
      selected.add(found);
    }
    return selected;
  }

  private void checkNames(CellSelector cells, String annotation) {
    unknown(cells.scenarios(), scenarios.keySet(), annotation, "scenario");
    Set<String> known = new java.util.LinkedHashSet<>(faults.keySet());
    known.add(FaultMatrix.NO_FAULT);
    unknown(cells.faults(), known, annotation, "fault");
  }

  private void unknown(Collection<String> names, Set<String> known, String annotation, String attribute) {
    for (String name : names) {
      if (!known.contains(name)) {
        throw Misconfiguration.of(annotation, spec.element(), attribute + " names unknown " + attribute + " ["
            + name + "]", "use one of " + known);
      }
    }
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
