package dev.chaosjunit.proxy.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A one-pass lexer behind {@link SqlCanonicalizer}; never throws on unbalanced quotes or comments. */
final class SqlScanner {

  private final String sql;
  private final SqlDialect dialect;
  private final StringBuilder out;
  private final List<int[]> boundaries = new ArrayList<>();
  private int pos;
  private boolean pendingSpace;

  SqlScanner(String sql, SqlDialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
    this.out = new StringBuilder(sql.length());
  }

  String scan() {
    while (pos < sql.length()) {
      step(sql.charAt(pos));
    }
    trimTrailing();
    return out.toString();
  }

  /** The statements divided by top-level semicolons, empty ones left out. */
  List<SqlStatement> statements() {
    String canonical = scan();
    boundaries.add(new int[] {sql.length(), canonical.length()});
    List<SqlStatement> statements = new ArrayList<>();
    int rawStart = 0;
    int outStart = 0;
    for (int[] boundary : boundaries) {
      String piece = trimmed(canonical.substring(Math.min(outStart, canonical.length()),
          Math.min(boundary[1], canonical.length())));
      if (!piece.isEmpty()) {
        statements.add(new SqlStatement(rawStart, piece));
      }
      rawStart = boundary[0];
      outStart = boundary[1];
    }
    return statements;
  }

  private static String trimmed(String piece) {
    int start = 0;
    int end = piece.length();
    while (start < end && (piece.charAt(start) == ' ' || piece.charAt(start) == ';')) {
      start++;
    }
    while (end > start && (piece.charAt(end - 1) == ' ' || piece.charAt(end - 1) == ';')) {
      end--;
    }
    return piece.substring(start, end);
  }

  private void step(char c) {
    if (Character.isWhitespace(c) || startsComment(c)) {
      skipBlankOrComment(c);
    } else if (c == '\'' || (c == '"' && dialect == SqlDialect.MYSQL)) {
      boolean escapes = dropLiteralPrefix() == 'E' || dialect == SqlDialect.MYSQL;
      skipQuoted(c, escapes);
      emit("?");
    } else if (c == '"' || (c == '`' && dialect == SqlDialect.MYSQL)) {
      int start = pos;
      skipQuoted(c, false);
      emit(sql.substring(start, pos));
    } else if (c == '$' && dialect == SqlDialect.POSTGRES) {
      dollar();
    } else if (Character.isDigit(c) || (c == '.' && isDigitAt(pos + 1))) {
      number();
    } else if (isIdentifierPart(c)) {
      word();
    } else {
      punctuation(c);
    }
  }

  private boolean startsComment(char c) {
    return (c == '-' && sql.startsWith("--", pos))
        || (c == '/' && sql.startsWith("/*", pos))
        || (c == '#' && dialect == SqlDialect.MYSQL);
  }

  private void skipBlankOrComment(char c) {
    if (Character.isWhitespace(c)) {
      pos++;
    } else if (c == '/') {
      int end = sql.indexOf("*/", pos + 2);
      pos = end < 0 ? sql.length() : end + 2;
    } else {
      int end = sql.indexOf('\n', pos);
      pos = end < 0 ? sql.length() : end + 1;
    }
    pendingSpace = true;
  }

  private void skipQuoted(char quote, boolean backslashEscapes) {
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c == '\\' && backslashEscapes) {
        pos++;
      } else if (c == quote && pos < sql.length() && sql.charAt(pos) == quote) {
        pos++;
      } else if (c == quote) {
        return;
      }
    }
  }

  /**
   * {@code E'..'}, {@code X'..'}, {@code B'..'}, {@code N'..'}: the prefix is part of the literal.
   * Returns the prefix dropped, or {@code 0}.
   */
  private char dropLiteralPrefix() {
    int n = out.length();
    char last = n == 0 ? 0 : out.charAt(n - 1);
    if (pendingSpace || "EXBN".indexOf(last) < 0 || (n > 1 && isIdentifierPart(out.charAt(n - 2)))) {
      return 0;
    }
    pendingSpace = n > 1 && out.charAt(n - 2) == ' ';
    out.setLength(n - (pendingSpace ? 2 : 1));
    return last;
  }

  private void dollar() {
    int end = pos + 1;
    while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
      end++;
    }
    if (end > pos + 1) {
      pos = end;
      emit("?");
      return;
    }
    int tagEnd = sql.indexOf('$', pos + 1);
    String tag = tagEnd < 0 ? null : sql.substring(pos, tagEnd + 1);
    if (tag == null || !tag.chars().skip(1).limit(tag.length() - 2L).allMatch(SqlScanner::isIdentifierPart)) {
      pos++;
      emit("$");
      return;
    }
    int close = sql.indexOf(tag, tagEnd + 1);
    pos = close < 0 ? sql.length() : close + tag.length();
    emit("?");
  }

  private void number() {
    while (pos < sql.length() && (isIdentifierPart(sql.charAt(pos)) || sql.charAt(pos) == '.'
        || (isExponentSign(pos)))) {
      pos++;
    }
    emit("?");
  }

  private boolean isExponentSign(int at) {
    char c = sql.charAt(at);
    return (c == '+' || c == '-') && at > 0 && Character.toUpperCase(sql.charAt(at - 1)) == 'E'
        && isDigitAt(at + 1);
  }

  private void word() {
    int start = pos;
    while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
      pos++;
    }
    emit(sql.substring(start, pos).toUpperCase(Locale.ROOT));
  }

  private void punctuation(char c) {
    pos++;
    if (c == ')' || c == ',' || c == ';') {
      pendingSpace = false;
    }
    emit(String.valueOf(c));
    if (c == ';') {
      boundaries.add(new int[] {pos, out.length()});
    }
    if (c == ',') {
      pendingSpace = true;
    }
  }

  private void emit(String token) {
    if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '(') {
      out.append(' ');
    }
    pendingSpace = false;
    out.append(token);
  }

  private void trimTrailing() {
    int n = out.length();
    while (n > 0 && (out.charAt(n - 1) == ';' || out.charAt(n - 1) == ' ')) {
      n--;
    }
    out.setLength(n);
  }

  private boolean isDigitAt(int at) {
    return at < sql.length() && Character.isDigit(sql.charAt(at));
  }

  private static boolean isIdentifierPart(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
