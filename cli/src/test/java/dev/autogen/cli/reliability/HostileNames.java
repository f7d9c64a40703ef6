package dev.autogen.cli.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Names a hostile catalog can hold, each a valid PostgreSQL identifier when quoted: line breaks with
 * SQL after them, comment and dollar-quote delimiters, quotes, Flyway's placeholder syntax, terminal
 * escape sequences, bidirectional overrides, unicode, and a name of exactly 63 bytes (PostgreSQL's
 * {@code NAMEDATALEN - 1}).
 */
public final class HostileNames {

  /** A name of exactly 63 UTF-8 bytes, ending in a two-byte character. */
  static final String LONGEST = "x".repeat(61) + "é";

  /** The names; the first is the repro. */
  public static final List<String> ALL = List.of(
      "x\ncreate table if not exists p();--",
      "cr\rcreate table if not exists p();--",
      "end */ start /* -- dash",
      "dollar $$ drop table customer; $$",
      "quote ' \" both",
      "flyway ${placeholder} ${flyway:user}",
      "ansi \u001b[2J\u001b[HNo drift",
      "bidi \u202Eevil\u202C",
      "ünïcödé 名前 😀",
      "semi; drop table customer; --",
      "back\\slash\\",
      LONGEST);

  static {
    if (LONGEST.getBytes(StandardCharsets.UTF_8).length != 63) {
      throw new AssertionError("LONGEST must be 63 bytes");
    }
  }

  private HostileNames() {}

  /** @return the name as a quoted SQL identifier, for setting up test catalogs */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** @return the text as a string constant under {@code standard_conforming_strings = on} */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * @param prefix a letter that keeps names of different object kinds apart (tables, indexes and
   *     sequences share one namespace)
   * @param name a hostile name
   * @return the prefix and the name, cut to 63 bytes as PostgreSQL cuts it
   */
  static String named(String prefix, String name) {
    String s = prefix + name;
    while (s.getBytes(StandardCharsets.UTF_8).length > 63) {
      s = s.substring(0, s.length() - (Character.isLowSurrogate(s.charAt(s.length() - 1)) ? 2 : 1));
    }
    return s;
  }
}
