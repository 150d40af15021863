package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One client command of the text or meta protocol: its line and, for the storage commands and {@code ms},
 * the data block that follows with its closing CRLF.
 *
 * @param name the command as sent, e.g. {@code get} or {@code ms}; empty for an empty line
 * @param kind what the command does, which decides the replies the proxy can give in its place
 * @param keys the keys it names, in order (several for a multi-get); empty for commands without keys
 * @param silent the client asked for no reply ({@code noreply}) or, with the meta flag {@code q}, for none on
 *     the common outcome
 * @param echo the meta flags a reply echoes ({@code k} with the key, {@code O} with the opaque), e.g.
 *     {@code " kfoo O12"}; empty for text commands
 * @param line the line's words, to read while the command's bytes are still at the buffer's reader index
 * @param length the whole command in bytes: line, data block and the block's CRLF
 */
record MemcachedCommand(String name, Kind kind, List<String> keys, boolean silent, String echo, CommandLine line, int length) {

  /** What a command does. */
  enum Kind { STORAGE, RETRIEVAL, KEYED, META_GET, META_SET, META_DELETE, META_ARITH, META_NOOP, OTHER }

  /** A multi-get of thousands of keys fits, as memcached reads long lines on. */
  static final int MAX_LINE = 1 << 20;
  /** memcached's upper limit of the item size ({@code -I 1024m}). */
  static final int MAX_DATA = 1 << 30;

  private static final byte BINARY_REQUEST = (byte) 0x80;
  private static final String NOREPLY = "noreply";
  /** The commands {@link #parse} knows, the most frequent first (they are tried in this order). */
  private static final List<String> NAMES = List.of("get", "set", "gets", "mg", "ms", "md", "ma", "mn", "delete",
      "incr", "decr", "touch", "gat", "gats", "add", "replace", "append", "prepend", "cas");
  /** Each known command as the value of the match key {@code command}, made once. */
  private static final Map<String, List<String>> COMMAND_FACTS = NAMES.stream()
      .collect(Collectors.toUnmodifiableMap(name -> name, List::of));

  /**
   * The command at {@code in}'s reader index once its line is there ({@code null} before), its words read
   * into {@code line}.
   */
  static MemcachedCommand peek(FrameBuffer in, CommandLine line) {
    int readable = in.readable();
    if (readable == 0) {
      return null;
    }
    ByteBuf buf = in.view();
    int start = buf.readerIndex();
    if (buf.getByte(start) == BINARY_REQUEST) {
      throw new FrameDecodeException("the binary protocol (deprecated upstream) is relayed uninspected");
    }
    int newline = buf.indexOf(start, start + Math.min(readable, MAX_LINE), (byte) '\n');
    if (newline < 0) {
      if (readable >= MAX_LINE) {
        throw new FrameDecodeException("a command line longer than " + MAX_LINE + " bytes");
      }
      return null;
    }
    int end = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    return parse(line.read(buf, start, end), newline + 1 - start);
  }

  private static MemcachedCommand parse(CommandLine line, int lineLength) {
    String known = line.known(0, NAMES);
    String name = known == null ? line.word(0) : known;
    return switch (name) {
      case "set", "add", "replace", "append", "prepend" -> storage(name, line, lineLength, 5);
      case "cas" -> storage(name, line, lineLength, 6);
      case "get", "gets" -> retrieval(name, line, lineLength, 1);
      case "gat", "gats" -> retrieval(name, line, lineLength, 2);
      case "delete" -> keyed(name, line, lineLength, 2, 4);
      case "incr", "decr", "touch" -> keyed(name, line, lineLength, 3, 4);
      case "mg" -> meta(name, Kind.META_GET, line, lineLength, 2, 0);
      case "md" -> meta(name, Kind.META_DELETE, line, lineLength, 2, 0);
      case "ma" -> meta(name, Kind.META_ARITH, line, lineLength, 2, 0);
      case "ms" -> meta(name, Kind.META_SET, line, lineLength, 3, line.words() < 3 ? 0 : data(name, line, 2));
      case "mn" -> new MemcachedCommand(name, Kind.META_NOOP, List.of(), false, "", line, lineLength);
      default -> new MemcachedCommand(name, Kind.OTHER, List.of(), false, "", line, lineLength);
    };
  }

  /** {@code <name> <key> <flags> <exptime> <bytes> [<cas>] [noreply]} and a data block. */
  private static MemcachedCommand storage(String name, CommandLine line, int lineLength, int words) {
    requireWords(name, line, words, words + 1);
    boolean noreply = line.words() == words + 1 && line.is(words, NOREPLY);
    return new MemcachedCommand(name, Kind.STORAGE, List.of(line.word(1)), noreply, "", line,
        lineLength + data(name, line, 4));
  }

  /** {@code get <key>*}, {@code gat <exptime> <key>*}: keys from word {@code first} on. */
  private static MemcachedCommand retrieval(String name, CommandLine line, int lineLength, int first) {
    if (line.words() <= first) {
      throw new FrameDecodeException(name + " names no key");
    }
    return new MemcachedCommand(name, Kind.RETRIEVAL, keys(line, first), false, "", line, lineLength);
  }

  /** The words from {@code first} on (one or two without an array: most gets name one key). */
  private static List<String> keys(CommandLine line, int first) {
    int count = line.words() - first;
    if (count == 1) {
      return List.of(line.word(first));
    }
    if (count == 2) {
      return List.of(line.word(first), line.word(first + 1));
    }
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = line.word(first + i);
    }
    return List.of(keys);
  }

  /** {@code delete <key> [0] [noreply]}, {@code incr|decr <key> <value> [noreply]}, {@code touch <key> <exptime> [noreply]}. */
  private static MemcachedCommand keyed(String name, CommandLine line, int lineLength, int min, int max) {
    requireWords(name, line, min, max);
    boolean noreply = line.words() > min && line.is(line.words() - 1, NOREPLY);
    return new MemcachedCommand(name, Kind.KEYED, List.of(line.word(1)), noreply, "", line, lineLength);
  }

  /** {@code mg|md|ma <key> <flag>*}, {@code ms <key> <datalen> <flag>*}: flags from word {@code flags} on. */
  private static MemcachedCommand meta(String name, Kind kind, CommandLine line, int lineLength, int flags, int data) {
    if (line.words() < flags) {
      throw new FrameDecodeException(name + " has " + (line.words() - 1) + " arguments instead of at least " + (flags - 1));
    }
    String key = line.word(1);
    boolean quiet = false;
    boolean base64 = false;
    StringBuilder echo = new StringBuilder();
    for (int i = flags; i < line.words(); i++) {
      byte flag = line.first(i);
      quiet |= flag == 'q';
      base64 |= flag == 'b';
      if (flag == 'k') {
        echo.append(" k").append(key);
      } else if (flag == 'O') {
        echo.append(' ').append(line.word(i));
      }
    }
    if (base64 && !echo.isEmpty()) {
      echo.append(" b");
    }
    return new MemcachedCommand(name, kind, List.of(base64 ? decoded(key) : key), quiet, echo.toString(), line,
        lineLength + data);
  }

  private static int data(String name, CommandLine line, int index) {
    return line.size(index, MAX_DATA, name, "has a data size") + 2;
  }

  private static void requireWords(String name, CommandLine line, int min, int max) {
    int args = line.words() - 1;
    if (args < min - 1 || args > max - 1) {
      throw new FrameDecodeException(name + " has " + args + " arguments instead of "
          + (min == max ? min - 1 : (min - 1) + " to " + (max - 1)));
    }
  }

  /** A key sent in base64 (meta flag {@code b}) as the text it encodes, or as sent when it is not base64. */
  private static String decoded(String key) {
    try {
      return new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return key;
    }
  }

  /** Whether the command names keys and is matched against the rules. */
  boolean matchable() {
    return !keys.isEmpty();
  }

  /** The facts to match: the command and its keys. */
  MessageFacts facts() {
    List<String> command = COMMAND_FACTS.get(name);
    return new MessageFacts(MemcachedInspector.NAME, Map.of(MemcachedInspector.COMMAND,
        command == null ? List.of(name) : command, MemcachedInspector.KEY, keys));
  }

  /** Checks the CRLF that closes a data block; the whole command must be in {@code buf}. */
  void checkDataEnd(ByteBuf buf) {
    int end = buf.readerIndex() + length;
    if (kind == Kind.STORAGE || kind == Kind.META_SET) {
      if (buf.getByte(end - 2) != '\r' || buf.getByte(end - 1) != '\n') {
        throw new FrameDecodeException(name + " has no CRLF after its data block of the announced size");
      }
    }
  }
}
