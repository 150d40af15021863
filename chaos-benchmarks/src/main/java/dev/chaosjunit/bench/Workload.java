package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.InetSocketAddress;
import java.util.List;
import org.apiguardian.api.API;

/** A load run against one fronted server, measuring one or more figures. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Workload {

  /** Which server it needs: {@code "redis"} or {@code "tcp"} (the in-JVM bulk source). */
  String protocol();

  /** Runs the load (bounded in time and count) and measures. */
  List<Figure> run(InetSocketAddress address) throws Exception;
}
