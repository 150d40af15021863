package dev.chaosjunit.junit.internal;

import dev.chaosjunit.junit.ChaosProtocol;

/**
 * A {@code @Chaos} field as declared: its service name, protocol and the object it holds.
 *
 * @param name the service name
 * @param protocol the protocol, never {@code AUTO}
 * @param port the container port to front, 0 = first exposed
 * @param target a Testcontainers container or an {@code InetSocketAddress}
 * @param field the field's name, for messages
 */
public record ServiceDeclaration(String name, ChaosProtocol protocol, int port, Object target, String field) {}
