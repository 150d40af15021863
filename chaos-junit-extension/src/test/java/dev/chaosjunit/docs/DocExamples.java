package dev.chaosjunit.docs;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Effect;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.FaultCounters;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.shaded.io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.Set;

/**
 * Java shown in chaos-proxies/README.md that no other compiled source holds, compiled here so that the
 * docs cannot drift from the API ({@link MarkdownIncludesTest} checks the copies). Never run.
 */
final class DocExamples {

  private DocExamples() {}

  static void embeddedEngine() {
    // tag::embedded-engine[]
    try (ProxyEngine engine = ProxyEngine.start(EngineOptions.defaults().withSeed(42))) {
      Proxy db = engine.create(ProxySpec.of("db", "localhost:5432").withProtocol("postgres"));
      // point the client at db.listenAddress() instead of localhost:5432, then fault it:
      Fault diskFull = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full").named("diskFull");
      Fault slow = Fault.on("db").latency(Duration.ofSeconds(2)).named("slow");
      for (FaultEffect effect : diskFull.and(slow).effects()) {
        Effect what = effect.effect();
        if (what instanceof Rule rule) {
          db.addRule(rule);          // validated by the postgres inspector
        } else if (what instanceof Toxic toxic) {
          db.addToxic(toxic);
        }
      }
      // ... run the client ...
      FaultCounters counters = db.ruleCounters("diskFull");   // seen, fired, connections
      engine.reset();   // enables every proxy, removes every toxic and rule
    }
    // end::embedded-engine[]
  }

  // tag::memcached-inspector[]
  /** Memcached's text protocol: match keys {@code command} and {@code key}; error, delay and drop. */
  public static final class MemcachedInspector implements ProtocolInspector {

    public static final String NAME = "memcached";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Set<String> matchKeys() {
      return Set.of("command", "key");
    }

    /** Commands ignore case; keys are case-sensitive and have no segments. */
    @Override
    public Glob glob(String key, String pattern) {
      return Glob.compile(pattern, Glob.NO_SEPARATOR, key.equals("command"));
    }

    @Override
    public void validate(Rule rule) {
      if (rule.direction() != Direction.UPSTREAM) {
        throw new IllegalArgumentException("memcached rule [" + rule.name() + "] matches commands only: use direction [upstream]");
      }
      rule.match().keySet().stream().filter(key -> !matchKeys().contains(key)).findFirst().ifPresent(key -> {
        throw new IllegalArgumentException("memcached rule [" + rule.name() + "] has no match key [" + key
            + "]: use [command] or [key]");
      });
      if (rule.action() instanceof Action.Respond || rule.action() instanceof Action.Duplicate) {
        throw new IllegalArgumentException("memcached rule [" + rule.name() + "] has action [" + rule.action().type()
            + "], which memcached does not support: use error, delay or drop");
      }
    }

    @Override
    public InspectorSession open(ConnectionInfo connection) {
      return new MemcachedSession();
    }
  }
  // end::memcached-inspector[]

  // tag::memcached-session[]
  /** Step 1: forwards every chunk as it comes, deciding nothing yet. */
  static final class MemcachedSession implements InspectorSession {

    @Override
    public void onClientData(ByteBuf data, RelayPort port) {
      port.toServer(data);
    }

    @Override
    public void onServerData(ByteBuf data, RelayPort port) {
      port.toClient(data);
    }
  }
  // end::memcached-session[]

  // tag::memcached-framed[]
  /** Step 2: cuts the client's bytes into lines, each passing unchanged (the server's bytes pass as they come). */
  static final class MemcachedLines extends FramedSession {

    @Override
    protected boolean clientFrame(RelayPort port) {
      FrameBuffer in = client();
      int from = in.readable() == 0 ? 0 : in.view().readerIndex();
      int lf = in.readable() == 0 ? -1 : in.view().indexOf(from, in.view().writerIndex(), (byte) '\n');
      if (lf < 0 && in.readable() > 8192) {
        throw new FrameDecodeException("a command line longer than 8 KiB");
      }
      if (lf < 0) {
        return false;
      }
      in.pass(lf + 1 - from);   // or in.skip(...) / in.take(...) once a rule fires for it
      return true;
    }

    @Override
    protected boolean serverFrame(RelayPort port) {
      server().pass(server().readable());
      return false;
    }
  }
  // end::memcached-framed[]
}
