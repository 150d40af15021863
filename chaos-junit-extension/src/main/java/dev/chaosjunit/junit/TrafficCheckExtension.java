package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.run.ZeroTraffic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered by every {@link Chaos} field: after the class, fails it when a service's proxy carried no
 * connection while its cells ran.
 */
final class TrafficCheckExtension implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) {
    ZeroTraffic.check(context);
  }
}
