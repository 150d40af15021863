package dev.chaosjunit.proxy.server;

import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.admin.AdminServer;

/**
 * A started server: its engine and its admin API. Closing it closes both, the API first.
 *
 * @param engine the proxies
 * @param admin the Toxiproxy-compatible API in front of them
 */
record RunningServer(ProxyEngine engine, AdminServer admin) implements AutoCloseable {

  @Override
  public void close() {
    admin.close();
    engine.close();
  }
}
