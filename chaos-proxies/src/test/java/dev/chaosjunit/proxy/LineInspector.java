package dev.chaosjunit.proxy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.protocol.Routes;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A test protocol: newline-terminated requests whose first word is the command. Proves the inspector
 * hook: error replies {@code -ERR message}, respond replies {@code value}, delay and drop act on the line.
 * {@code ROUTE key ordinal host:port} asks the engine's routes for that upstream and replies the proxy
 * address ({@code host:port}) or {@code -ERR} with the failure's message.
 * {@code CRASH} makes it throw, as an inspector with a bug would.
 */
public final class LineInspector implements ProtocolInspector {

  private static final int MAX_LINE = 1024;
  private static final Set<DropMode> BASIC_DROPS = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  @Override
  public String name() {
    return "line";
  }

  @Override
  public Set<String> matchKeys() {
    return Set.of("command", "line");
  }

  @Override
  public void validate(Rule rule) {
    for (String key : rule.match().keySet()) {
      if (!matchKeys().contains(key)) {
        throw new IllegalArgumentException("rule [" + rule.name() + "]: unknown match key [" + key + "]");
      }
    }
    if (rule.action() instanceof Action.Drop drop && !BASIC_DROPS.contains(drop.modeOr(DropMode.CLOSE))) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: drop mode [" + drop.mode().wireName()
          + "] is not supported; use close, reset or blackhole");
    }
  }

  @Override
  public Glob glob(String key, String pattern) {
    return Glob.compile(pattern, Glob.NO_SEPARATOR, key.equals("command"));
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new Session(connection.routes());
  }

  private static final class Session implements InspectorSession {
    private final Routes routes;
    private CompositeByteBuf held;

    Session(Routes routes) {
      this.routes = routes;
    }

    @Override
    public void onClientData(ByteBuf data, RelayPort port) {
      if (held == null) {
        held = port.alloc().compositeBuffer();
      }
      held.addComponent(true, data);
      for (int eol; held != null && (eol = held.indexOf(held.readerIndex(), held.writerIndex(), (byte) '\n')) >= 0; ) {
        onLine(held.readBytes(eol + 1 - held.readerIndex()), port);
      }
      if (held == null) {
        return;
      }
      if (held.readableBytes() > MAX_LINE) {
        port.passThrough("line longer than " + MAX_LINE + " bytes");
        port.toServer(held);
        held = null;
      } else {
        held.discardReadComponents();
      }
    }

    private void onLine(ByteBuf line, RelayPort port) {
      String text = line.toString(StandardCharsets.UTF_8).trim();
      String command = text.split(" ", 2)[0];
      if (command.equals("ROUTE")) {
        reply(port, line, route(text.split(" ")));
        return;
      }
      if (command.equals("CRASH")) {
        line.release();
        throw new IllegalStateException("the test inspector crashes on CRASH, as a buggy inspector would");
      }
      MessageFacts facts = MessageFacts.of("line").put("command", command).put("line", text).build();
      Optional<RuleMatch> match = port.match(Direction.UPSTREAM, facts);
      if (match.isEmpty()) {
        port.toServer(line);
        return;
      }
      act(match.get(), line, port);
    }

    private void act(RuleMatch match, ByteBuf line, RelayPort port) {
      Action action = match.action();
      if (action instanceof Action.Error error) {
        reply(port, line, "-ERR " + (error.message().isEmpty() ? "error" : error.message()));
      } else if (action instanceof Action.Respond respond) {
        reply(port, line, respond.param("value").orElse(""));
      } else if (action instanceof Action.Delay delay) {
        port.toServer(line, delay.delay());
      } else if (action instanceof Action.Duplicate) {
        port.toServer(line.retainedDuplicate());
        port.toServer(line);
      } else if (action instanceof Action.Drop drop) {
        line.release();
        port.drop(drop.modeOr(DropMode.CLOSE));
      }
    }

    private String route(String[] words) {
      try {
        String[] upstream = words[3].split(":");
        InetSocketAddress address =
            routes.route(words[1], Integer.parseInt(words[2]), upstream[0], Integer.parseInt(upstream[1]));
        return address.getHostString() + ":" + address.getPort();
      } catch (RuntimeException e) {
        return "-ERR " + e.getMessage();
      }
    }

    private static void reply(RelayPort port, ByteBuf line, String text) {
      line.release();
      port.toClient(port.alloc().buffer().writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onServerData(ByteBuf data, RelayPort port) {
      port.toClient(data);
    }

    @Override
    public void onClose() {
      if (held != null) {
        held.release();
        held = null;
      }
    }
  }
}
