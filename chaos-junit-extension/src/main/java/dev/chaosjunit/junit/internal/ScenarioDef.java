package dev.chaosjunit.junit.internal;

import java.lang.reflect.Method;

/**
 * A {@code @Scenario} method.
 *
 * @param name its name in cells
 * @param method the method
 */
public record ScenarioDef(String name, Method method) {}
