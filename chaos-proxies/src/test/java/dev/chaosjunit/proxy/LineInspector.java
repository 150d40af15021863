package dev.chaosjunit.proxy;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.protocol.Routes;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A test protocol: newline-terminated requests whose first word is the command. Proves the inspector
 * hook: ERROR replies {@code -ERR message}, RESPOND replies {@code value}, DELAY and DROP act on the line.
 * {@code ROUTE key ordinal host:port} asks the engine's routes for that upstream and replies the proxy
 * address ({@code host:port}) or {@code -ERR} with the failure's message.
 * {@code CRASH} makes it throw, as an inspector with a bug would.
 */
public final class LineInspector implements ProtocolInspector {

  private static final int MAX_LINE = 1024;

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
      switch (match.action().type()) {
        case ERROR -> reply(port, line, "-ERR " + match.action().param("message").orElse("error"));
        case RESPOND -> reply(port, line, match.action().param("value").orElse(""));
        case DELAY -> port.toServer(line, match.action().delay());
        case DUPLICATE -> {
          port.toServer(line.retainedDuplicate());
          port.toServer(line);
        }
        case DROP -> drop(port, line, match.action().param("mode").orElse("close"));
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

    private static void drop(RelayPort port, ByteBuf line, String mode) {
      line.release();
      switch (mode) {
        case "reset" -> port.reset();
        case "blackhole" -> port.blackhole();
        default -> port.close();
      }
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
