package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.run.Topologies;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Starts the class's proxies before its test instance is constructed (a Spring test context is built
 * right after, under {@code @TestInstance(PER_CLASS)} before {@code @BeforeAll}) and before
 * {@code @BeforeAll} methods, notes when the first test starts (the end of the application's start in the
 * class's time), and resolves {@link ChaosTopology} and {@link Soak}.
 */
final class ChaosExtension implements TestInstancePreConstructCallback, BeforeAllCallback, BeforeEachCallback,
    ParameterResolver {

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    Topologies.topology(context);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Topologies.topology(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Topologies.testStarts(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ChaosTopology.class || type == Soak.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Soak.class ? Topologies.soak(context) : Topologies.topology(context);
  }
}
