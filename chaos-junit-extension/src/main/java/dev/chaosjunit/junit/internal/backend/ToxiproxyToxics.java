package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Toxic;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/** Adds a {@link Toxic} through toxiproxy-java's typed builders. */
final class ToxiproxyToxics {

  private ToxiproxyToxics() {}

  static eu.rekawek.toxiproxy.model.Toxic add(Proxy proxy, Toxic toxic) throws IOException {
    ToxicList toxics = proxy.toxics();
    String id = toxic.name();
    ToxicDirection direction = toxic.stream() == Direction.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
    eu.rekawek.toxiproxy.model.Toxic added = switch (toxic.type()) {
      case LATENCY -> toxics.latency(id, direction, toxic.attribute("latency")).setJitter(toxic.attribute("jitter"));
      case BANDWIDTH -> toxics.bandwidth(id, direction, toxic.attribute("rate"));
      case SLOW_CLOSE -> toxics.slowClose(id, direction, toxic.attribute("delay"));
      case TIMEOUT -> toxics.timeout(id, direction, toxic.attribute("timeout"));
      case RESET_PEER -> toxics.resetPeer(id, direction, toxic.attribute("timeout"));
      case SLICER -> toxics.slicer(id, direction, toxic.attribute("average_size"), toxic.attribute("delay"))
          .setSizeVariation(toxic.attribute("size_variation"));
      case LIMIT_DATA -> toxics.limitData(id, direction, toxic.attribute("bytes"));
    };
    if (toxic.toxicity() < 1) {
      added.setToxicity((float) toxic.toxicity());
    }
    return added;
  }
}
