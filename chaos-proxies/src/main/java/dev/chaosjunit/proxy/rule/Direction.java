package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which way a message travels through a proxy. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Direction {
  /** Client to server (Toxiproxy's "upstream" stream). */
  REQUEST,
  /** Server to client (Toxiproxy's "downstream" stream). */
  RESPONSE
}
