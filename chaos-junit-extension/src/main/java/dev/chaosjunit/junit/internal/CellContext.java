package dev.chaosjunit.junit.internal;

/**
 * Where a cell sits: its plan, the class and method that declare it, the proxies and the unique ID.
 *
 * @param plan the cell's plan
 * @param testClass the test class
 * @param methodName the template method
 * @param endpoints the proxies, described
 * @param uniqueId the JUnit unique ID of the cell
 */
public record CellContext(CellPlan plan, Class<?> testClass, String methodName, String endpoints, String uniqueId) {

  /** The Maven command re-running this one cell with this seed. */
  public String rerunCommand(long seed) {
    String className = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
    return "mvn test -Dtest='" + className + "#" + methodName + "' -D" + ChaosConfig.CELL + "='"
        + plan.name().replace("'", "'\\''") + "' -D" + ChaosConfig.SEED + "=" + seed;
  }
}
