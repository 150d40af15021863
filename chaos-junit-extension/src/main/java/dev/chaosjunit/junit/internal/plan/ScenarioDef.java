package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import org.apiguardian.api.API;

/**
 * A {@code @Scenario} method.
 *
 * @param name its name in cells
 * @param method the method
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioDef(String name, Method method) {}
