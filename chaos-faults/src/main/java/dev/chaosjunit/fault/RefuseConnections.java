package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The service is down: its proxy refuses new connections and closes the open ones (Toxiproxy's disabled proxy). */
@API(status = EXPERIMENTAL, since = "0.1")
public record RefuseConnections() implements Effect {

  @Override
  public String describe() {
    return "refuse connections";
  }

  @Override
  public String name() {
    return "";
  }

  @Override
  public RefuseConnections named(String name) {
    return this;
  }
}
