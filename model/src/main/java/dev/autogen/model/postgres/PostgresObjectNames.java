package dev.autogen.model.postgres;

import java.nio.charset.StandardCharsets;

/**
 * The names PostgreSQL chooses for objects created without one, by the rules of PostgreSQL 15 {@code
 * src/backend/commands/indexcmds.c} and {@code src/backend/catalog/namespace.c} ({@code makeObjectName},
 * {@code pg_mbcliplen}): shared by the renderer, which names constraints and indexes the way the server
 * would, and the entity reader, which names the sequence of a {@code serial} column ("8.1.4. Serial
 * Types": {@code <table>_<column>_seq}).
 */
public final class PostgresObjectNames {

  /** PostgreSQL's {@code NAMEDATALEN}: identifiers hold at most {@code NAMEDATALEN - 1} bytes. */
  public static final int NAMEDATALEN = 64;

  private PostgresObjectNames() {}

  /**
   * PostgreSQL's {@code makeObjectName}: {@code name1_name2_label}, where the longer of the two names
   * is shortened first so that the whole fits in {@code NAMEDATALEN - 1} bytes, never splitting a
   * multi-byte character. PostgreSQL appends a number when the name is taken; that needs the catalog
   * and is not done here.
   *
   * @param name1 the first part, usually the table name, never null
   * @param name2 the second part, or null to leave it out
   * @param label the suffix, e.g. {@code pkey}, never null
   * @return the name, at most 63 bytes in UTF-8
   */
  public static String makeObjectName(String name1, String name2, String label) {
    int name1Bytes = utf8Length(name1);
    int name2Bytes = name2 == null ? 0 : utf8Length(name2);
    int overhead = (name2 == null ? 0 : 1) + label.length() + 1;
    int available = NAMEDATALEN - 1 - overhead;
    while (name1Bytes + name2Bytes > available) {
      if (name1Bytes > name2Bytes) {
        name1Bytes--;
      } else {
        name2Bytes--;
      }
    }
    StringBuilder sb = new StringBuilder(clip(name1, name1Bytes));
    if (name2 != null) {
      sb.append('_').append(clip(name2, name2Bytes));
    }
    return sb.append('_').append(label).toString();
  }

  /**
   * @param s a string, never null
   * @param maxBytes the most UTF-8 bytes to keep, not negative
   * @return the longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes (PostgreSQL {@code
   *     pg_mbcliplen})
   */
  public static String clip(String s, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int len = utf8Length(new String(Character.toChars(cp)));
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /**
   * @param s a string, never null
   * @return its length in UTF-8 bytes
   */
  public static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
