package dev.chaosjunit.junit.internal;

import dev.chaosjunit.fault.Toxic;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Map;

/** Adds a {@link Toxic} through toxiproxy-java's typed builders. */
final class ToxiproxyToxics {

  private ToxiproxyToxics() {}

  static eu.rekawek.toxiproxy.model.Toxic add(Proxy proxy, String id, Toxic toxic, ToxicDirection direction)
      throws IOException {
    ToxicList toxics = proxy.toxics();
    Map<String, Long> a = toxic.attributes();
    eu.rekawek.toxiproxy.model.Toxic added = switch (toxic.type()) {
      case "latency" -> toxics.latency(id, direction, a.getOrDefault("latency", 0L)).setJitter(a.getOrDefault("jitter", 0L));
      case "bandwidth" -> toxics.bandwidth(id, direction, a.getOrDefault("rate", 0L));
      case "slow_close" -> toxics.slowClose(id, direction, a.getOrDefault("delay", 0L));
      case "timeout" -> toxics.timeout(id, direction, a.getOrDefault("timeout", 0L));
      case "reset_peer" -> toxics.resetPeer(id, direction, a.getOrDefault("timeout", 0L));
      case "slicer" -> toxics.slicer(id, direction, a.getOrDefault("average_size", 0L), a.getOrDefault("delay", 0L))
          .setSizeVariation(a.getOrDefault("size_variation", 0L));
      case "limit_data" -> toxics.limitData(id, direction, a.getOrDefault("bytes", 0L));
      default -> throw new IllegalArgumentException("unknown toxic type [" + toxic.type() + "]");
    };
    if (toxic.toxicity() < 1) {
      added.setToxicity((float) toxic.toxicity());
    }
    return added;
  }
}
