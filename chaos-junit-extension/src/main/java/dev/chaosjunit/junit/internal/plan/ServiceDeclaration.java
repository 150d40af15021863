package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ChaosProtocol;
import org.apiguardian.api.API;

/**
 * A {@code @Chaos} field as declared: its service name, protocol and the object it holds.
 *
 * @param name the service name
 * @param protocol the protocol, never {@code AUTO}
 * @param port the container port to front, 0 = first exposed
 * @param target a Testcontainers container or an {@code InetSocketAddress}
 * @param field the field's name, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record ServiceDeclaration(String name, ChaosProtocol protocol, int port, Object target, String field) {}
