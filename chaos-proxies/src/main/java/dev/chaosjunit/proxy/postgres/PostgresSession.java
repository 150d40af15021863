package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.sql.SqlFacts;
import dev.chaosjunit.proxy.sql.SqlRules;
import dev.chaosjunit.proxy.sql.SqlTexts;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL connection: frames both directions as they pass, tracks the extended protocol's
 * names, and carries out the rules that fire on Query and Execute messages.
 */
final class PostgresSession extends FramedSession {

  private final ConnectionInfo connection;
  private static final Logger LOG = LoggerFactory.getLogger(PostgresSession.class);

  private final PgStatements names = new PgStatements();
  private final PgPoisons poisons = new PgPoisons();
  private boolean startup = true;

  PostgresSession(ConnectionInfo connection) {
    this.connection = connection;
  }

  @Override
  protected boolean clientFrame(RelayPort port) {
    if (startup) {
      return startupFrame(port);
    }
    int length = headerLength(client());
    if (length < 0) {
      return false;
    }
    ByteBuf buf = client().view();
    byte type = buf.getByte(buf.readerIndex());
    if (PgMessages.STATEMENT_TYPES.indexOf(type) < 0) {
      if (type == 'S' || type == 'F') {
        poisons.syncSent();
      }
      client().passStreaming(length);
      return true;
    }
    return client().readable() >= length && statementFrame(buf, type, length, port);
  }

  /** A complete Query, Execute, Parse, Bind or Close message. */
  private boolean statementFrame(ByteBuf buf, byte type, int length, RelayPort port) {
    int body = buf.readerIndex() + 5;
    int end = buf.readerIndex() + length;
    switch (type) {
      case 'Q' -> {
        poisons.syncSent();
        return query(PgMessages.string(buf, body, end), length, port);
      }
      case 'E' -> {
        SqlTexts.Parsed sql = names.portal(PgMessages.name(buf, body, end));
        return sql == null ? pass(client(), length) : execute(sql, length, port);
      }
      case 'P' -> {
        int sqlStart = PgMessages.stringEnd(buf, body, end);
        names.parsed(PgMessages.name(buf, body, end), PgMessages.string(buf, sqlStart, end));
      }
      case 'B' -> {
        int statementStart = PgMessages.stringEnd(buf, body, end);
        names.bound(PgMessages.name(buf, body, end), PgMessages.name(buf, statementStart, end));
      }
      default -> names.closed(PgMessages.kind(buf, body, end), PgMessages.name(buf, body + 1, end));
    }
    return pass(client(), length);
  }

  private boolean startupFrame(RelayPort port) {
    ByteBuf buf = client().view();
    if (client().readable() < 8) {
      return false;
    }
    int length = buf.getInt(buf.readerIndex());
    int code = buf.getInt(buf.readerIndex() + 4);
    if (length < 8 || length > PgMessages.MAX_STARTUP_LENGTH) {
      throw new FrameDecodeException("startup packet of length " + length);
    }
    if (client().readable() < length) {
      return false;
    }
    if (code == PgMessages.SSL_REQUEST || code == PgMessages.GSSENC_REQUEST) {
      client().skip(length);
      port.toClient(PgMessages.declineEncryption(port.alloc()));
      return true;
    }
    if (code >>> 16 != 3 && code != PgMessages.CANCEL_REQUEST) {
      throw new FrameDecodeException("unsupported startup code " + code + ", protocol 3.x expected");
    }
    startup = code == PgMessages.CANCEL_REQUEST;
    return pass(client(), length);
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    int length = headerLength(server());
    if (length < 0) {
      return false;
    }
    ByteBuf buf = server().view();
    int start = buf.readerIndex();
    byte type = buf.getByte(start);
    if (type == 'E' && !poisons.isEmpty()) {
      if (server().readable() < length) {
        return false;
      }
      PgFault fault = poisons.claim(PgMessages.errorField(buf, start + 5, start + length, 'M'));
      if (fault != null) {
        replaceError(fault, length, port);
        return true;
      }
    } else if (type == 'Z') {
      poisons.readyForQuery();
    }
    server().passStreaming(length);
    return true;
  }

  /** The whole frame's length (type byte included) once its header is there, else -1. */
  private static int headerLength(FrameBuffer frames) {
    if (frames.readable() < 5) {
      return -1;
    }
    int length = frames.view().getInt(frames.view().readerIndex() + 1);
    if (length < 4 || length > PgMessages.MAX_MESSAGE_LENGTH) {
      throw new FrameDecodeException("message length " + length + " out of range");
    }
    return length + 1;
  }

  /** A simple Query: an error replaces the first matching statement and cuts the rest, as the server would. */
  private boolean query(String text, int length, RelayPort port) {
    SqlTexts.Parsed sql = names.query(text);
    return act(port.match(Direction.UPSTREAM, sql.facts()), length, port, (fired, poison) -> PgMessages.query(
        port.alloc(), text.substring(0, SqlFacts.matchedStart(fired.rule(), sql.statements())) + poison));
  }

  /** An Execute of the extended protocol: an error replaces it by a Parse of the poison. */
  private boolean execute(SqlTexts.Parsed sql, int length, RelayPort port) {
    return act(port.match(Direction.UPSTREAM, sql.facts()), length, port,
        (fired, poison) -> PgMessages.parse(port.alloc(), poison));
  }

  private boolean act(Optional<RuleMatch> match, int length, RelayPort port,
      BiFunction<RuleMatch, String, ByteBuf> replacement) {
    if (match.isEmpty()) {
      return pass(client(), length);
    }
    Action action = match.get().action();
    LOG.debug("connection {}: rule [{}] fires {}", connection.connectionId(), match.get().rule().name(), action.type());
    if (action instanceof Action.Error error) {
      client().skip(length);
      port.toServer(replacement.apply(match.get(), poisons.add(PgFault.of(error))));
    } else if (action instanceof Action.Delay delay) {
      port.toServer(client().take(length), delay.delay());
    } else if (action instanceof Action.Drop drop) {
      drop(SqlRules.dropMode(drop), port);
    } else {
      client().pass(length);
    }
    return true;
  }

  private void replaceError(PgFault fault, int length, RelayPort port) {
    server().skip(length);
    port.toClient(PgMessages.errorResponse(port.alloc(), fault));
    if (fault.closesConnection()) {
      stop();
      port.close();
    }
  }

  private static boolean pass(FrameBuffer frames, int length) {
    frames.pass(length);
    return true;
  }
}
