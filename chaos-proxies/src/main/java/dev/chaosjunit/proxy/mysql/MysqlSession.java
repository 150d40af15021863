package dev.chaosjunit.proxy.mysql;

import static dev.chaosjunit.proxy.mysql.MyPackets.HEADER;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.sql.InjectedFaults;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.sql.SqlFacts;
import dev.chaosjunit.proxy.sql.SqlRules;
import dev.chaosjunit.proxy.sql.SqlTexts;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MySQL/MariaDB connection: rewrites the greeting's capabilities, follows authentication, and
 * carries out the rules that fire on COM_QUERY and COM_STMT_EXECUTE.
 */
final class MysqlSession extends FramedSession {

  private final ConnectionInfo connection;
  private static final Logger LOG = LoggerFactory.getLogger(MysqlSession.class);

  private enum Phase { GREETING, HANDSHAKE_RESPONSE, AUTH, COMMAND }

  private final MyStatements statements = new MyStatements();
  private final MyResponses responses = new MyResponses();
  private final InjectedFaults<MyFault> faults = new InjectedFaults<>();
  private Phase phase = Phase.GREETING;
  private boolean serverContinues;

  MysqlSession(ConnectionInfo connection) {
    this.connection = connection;
  }

  @Override
  protected boolean clientFrame(RelayPort port) {
    int length = headerLength(client());
    if (length < 0) {
      return false;
    }
    ByteBuf buf = client().view();
    int start = buf.readerIndex();
    boolean command = phase == Phase.COMMAND && buf.getByte(start + 3) == 0 && length > HEADER
        && length - HEADER < MyPackets.MAX_PAYLOAD;
    if (!command && phase != Phase.HANDSHAKE_RESPONSE) {
      client().passStreaming(length);
      return true;
    }
    if (client().readable() < length) {
      return false;
    }
    if (command) {
      return command(buf, start + HEADER, start + length, port);
    }
    MyPackets.checkClientCapabilities(buf.getIntLE(start + HEADER));
    phase = Phase.AUTH;
    client().pass(length);
    return true;
  }

  private boolean command(ByteBuf buf, int payload, int end, RelayPort port) {
    byte command = buf.getByte(payload);
    int length = end - buf.readerIndex();
    switch (command) {
      case MyPackets.COM_QUERY -> {
        responses.sent(null);
        return query(text(buf, payload + 1, end), length, port);
      }
      case MyPackets.COM_STMT_EXECUTE, MyPackets.COM_STMT_BULK_EXECUTE -> {
        responses.sent(null);
        SqlTexts.Parsed sql = statements.get(MyPackets.statementId(buf, payload, end));
        if (sql != null) {
          return execute(sql, length, port);
        }
      }
      case MyPackets.COM_STMT_PREPARE -> responses.sent(statements.preparing(text(buf, payload + 1, end)));
      case MyPackets.COM_STMT_CLOSE -> statements.closed(MyPackets.statementId(buf, payload, end));
      case MyPackets.COM_STMT_SEND_LONG_DATA, MyPackets.COM_QUIT -> { }
      case MyPackets.COM_CHANGE_USER -> {
        phase = Phase.AUTH;
        responses.reset();
      }
      default -> responses.sent(null);
    }
    client().pass(length);
    return true;
  }

  /** COM_QUERY: an error replaces the first matching statement and cuts the rest, as the server would. */
  private boolean query(String text, int length, RelayPort port) {
    SqlTexts.Parsed parsed = statements.query(text);
    return act(port.match(Direction.UPSTREAM, parsed.facts()), length, port,
        (fired, sql) -> text.substring(0, SqlFacts.matchedStart(fired.rule(), parsed.statements())) + sql);
  }

  /** COM_STMT_EXECUTE: an error or a canned OK replaces it by a COM_QUERY. */
  private boolean execute(SqlTexts.Parsed sql, int length, RelayPort port) {
    return act(port.match(Direction.UPSTREAM, sql.facts()), length, port, (fired, replacement) -> replacement);
  }

  /**
   * Carries out a fired rule. ERROR and RESPOND send the server another statement instead: an invalid
   * one whose syntax error the proxy swaps for the chosen error, or {@code DO 0}, answered with an OK.
   */
  private boolean act(Optional<RuleMatch> match, int length, RelayPort port, BiFunction<RuleMatch, String, String> text) {
    if (match.isEmpty()) {
      client().pass(length);
      return true;
    }
    Action action = match.get().action();
    LOG.debug("connection {}: rule [{}] fires {}", connection.connectionId(), match.get().rule().name(), action.type());
    if (action instanceof Action.Error error) {
      inject(MyFault.of(error), text.apply(match.get(), ""), length, port);
    } else if (action instanceof Action.Respond) {
      replaceStatement(text.apply(match.get(), "DO 0"), length, port);
    } else if (action instanceof Action.Delay delay) {
      port.toServer(client().take(length), delay.delay());
    } else if (action instanceof Action.Drop drop) {
      drop(SqlRules.dropMode(drop), port);
    } else {
      client().pass(length);
    }
    return true;
  }

  /**
   * Sends the invalid statement carrying the fault's token in place of the matched one ({@code prefix}:
   * the statements before it in a multi-statement query). A fault that rolls back sends a ROLLBACK of the
   * proxy's own first, whose answer the client never sees; not when earlier statements of the same query
   * must run first (then the transaction stays open, logged).
   */
  private void inject(MyFault fault, String prefix, int length, RelayPort port) {
    if (fault.rollback() && prefix.isBlank()) {
      port.toServer(MyPackets.command(port.alloc(), MyPackets.COM_QUERY, "ROLLBACK"));
      responses.interjected();
    } else if (fault.rollback()) {
      LOG.debug("connection {}: error {} after other statements of one query: the transaction is not rolled back",
          connection.connectionId(), fault.errorNumber());
    }
    replaceStatement(prefix + faults.add(fault), length, port);
  }

  private void replaceStatement(String sql, int length, RelayPort port) {
    client().skip(length);
    port.toServer(MyPackets.command(port.alloc(), MyPackets.COM_QUERY, sql));
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    int length = headerLength(server());
    if (length < 0 || (length > HEADER && server().readable() <= HEADER)) {
      return false;
    }
    ByteBuf buf = server().view();
    int start = buf.readerIndex();
    int payload = start + HEADER;
    int first = length > HEADER && !serverContinues ? buf.getUnsignedByte(payload) : -1;
    if (server().readable() < length && needsWhole(first, buf.getUnsignedByte(start + 3))) {
      return false;
    }
    serverContinues = length - HEADER == MyPackets.MAX_PAYLOAD;
    switch (phase) {
      case GREETING -> greeting(buf, payload, start + length, first);
      case AUTH -> phase = first == MyPackets.OK ? Phase.COMMAND : Phase.AUTH;
      case COMMAND -> {
        return response(buf, start, length, first, port);
      }
      default -> { }
    }
    server().passStreaming(length);
    return true;
  }

  /**
   * Whether the server packet must be read whole: the greeting, auth results, a prepare's OK, an ERR to
   * swap, the answer to the proxy's own ROLLBACK.
   */
  private boolean needsWhole(int first, int sequenceId) {
    return phase != Phase.COMMAND || responses.startsPrepare(sequenceId) || responses.startsTheProxys(sequenceId)
        || (first == MyPackets.ERR && !faults.isEmpty());
  }

  private void greeting(ByteBuf buf, int payload, int end, int first) {
    if (first != MyPackets.ERR) {
      MyPackets.clearGreetingCapabilities(buf, payload, end);
      phase = Phase.HANDSHAKE_RESPONSE;
    }
  }

  private boolean response(ByteBuf buf, int start, int length, int first, RelayPort port) {
    int sequenceId = buf.getUnsignedByte(start + 3);
    if (responses.startsTheProxys(sequenceId)) {
      responses.received(sequenceId);
      server().skip(length);
      return true;
    }
    SqlTexts.Parsed prepare = responses.received(sequenceId);
    if (prepare != null && first == MyPackets.OK && length - HEADER >= 12) {
      statements.prepared(buf.getIntLE(start + HEADER + 1), prepare);
    }
    MyFault fault = first == MyPackets.ERR && !faults.isEmpty()
        ? faults.claim(MyPackets.errMessage(buf, start + HEADER, start + length)) : null;
    if (fault == null) {
      server().passStreaming(length);
      return true;
    }
    server().skip(length);
    port.toClient(MyPackets.err(port.alloc(), sequenceId, fault));
    return true;
  }

  /** The whole packet's length (header included) once its header is there, else -1. */
  private static int headerLength(FrameBuffer frames) {
    if (frames.readable() < HEADER) {
      return -1;
    }
    return frames.view().getUnsignedMediumLE(frames.view().readerIndex()) + HEADER;
  }

  private static String text(ByteBuf buf, int from, int end) {
    return buf.toString(from, end - from, StandardCharsets.UTF_8);
  }
}
