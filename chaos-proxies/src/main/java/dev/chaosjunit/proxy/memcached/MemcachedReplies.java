package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.memcached.MemcachedCommand.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The replies the proxy gives in place of the server's, worded as memcached words them. */
final class MemcachedReplies {

  static final String REPLY = "reply";
  static final String MISS = "miss";
  static final String NOT_STORED = "not_stored";
  static final String OUT_OF_MEMORY = "out of memory storing object";

  /** The commands each canned reply is for, by the name of the reply. */
  static final Map<String, Set<String>> COMMANDS = Map.of(
      MISS, Set.of("get", "gets", "gat", "gats", "mg", "delete", "incr", "decr", "touch", "md", "ma"),
      NOT_STORED, Set.of("set", "add", "replace", "append", "prepend", "cas", "ms"));

  private MemcachedReplies() {}

  /**
   * The reply to {@code command} for {@code action} (an error or a canned reply): empty when the client asked
   * for none, as {@code noreply} does for every reply and the meta flag {@code q} for {@code mg}'s miss.
   */
  static byte[] reply(Action action, MemcachedCommand command) {
    boolean text = command.kind() == Kind.STORAGE || command.kind() == Kind.KEYED;
    if (command.silent() && (text || command.kind() == Kind.META_GET && action instanceof Action.Respond)) {
      return new byte[0];
    }
    String line = action instanceof Action.Error error ? serverError(error) : canned(command);
    return (line + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code reply} ({@link #MISS} or {@link #NOT_STORED}) is one {@code command} can get. */
  static boolean fits(String reply, MemcachedCommand command) {
    return COMMANDS.getOrDefault(reply, Set.of()).contains(command.name());
  }

  private static String serverError(Action.Error error) {
    return "SERVER_ERROR " + (error.message().isEmpty() ? OUT_OF_MEMORY : error.message());
  }

  /** The miss or the refused write of the command's kind; a multi-get's miss is its {@code END}. */
  private static String canned(MemcachedCommand command) {
    return switch (command.kind()) {
      case RETRIEVAL -> "END";
      case KEYED -> "NOT_FOUND";
      case STORAGE -> "NOT_STORED";
      case META_GET -> "EN" + command.echo();
      case META_SET -> "NS" + command.echo();
      default -> "NF" + command.echo();
    };
  }
}
