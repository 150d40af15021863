package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** The wire protocol a chaos service speaks, which decides the protocol rules it accepts. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ChaosProtocol {
  /** Guess from the container's image name; {@link #TCP} when nothing matches. */
  AUTO,
  /** Plain bytes: L4 faults only. */
  TCP,
  HTTP,
  POSTGRES,
  MYSQL,
  REDIS,
  KAFKA,
  GRPC,
  /** AMQP 0-9-1 (RabbitMQ). */
  AMQP,
  /** NATS (nats-server's client protocol). */
  NATS,
  /** Memcached (text and meta protocols; the binary protocol is relayed uninspected). */
  MEMCACHED,
  /** MongoDB's wire protocol (OP_MSG). */
  MONGODB;

  /** The protocol's name as the proxy engine knows it, e.g. {@code "postgres"}. */
  public String engineName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
