package dev.autogen.cli.convergence;

import java.util.List;
import java.util.Set;

/**
 * Identifiers for generated schemas: plain, and the hostile spellings a renderer must quote (PostgreSQL
 * "4.1.1. Identifiers and Key Words"): mixed case, reserved key words ({@code order}, {@code user}),
 * spaces, non-ASCII letters and embedded double quotes. A name is chosen by one generated number:
 * {@code number % 6} picks the style, {@code number / 6} the ordinal, so shrinking towards 0 gives
 * plain, short names ({@code t0}, {@code c0}).
 *
 * <p>Each kind of object has its own prefix and its own key words, so that names of different kinds
 * never meet in one PostgreSQL namespace (tables, sequences and indexes share {@code pg_class}; a table's
 * row type and an enum share {@code pg_type}).
 */
enum Names {
  TABLE("t", "Tab", List.of("order", "user", "group", "select", "table", "check")),
  COLUMN("c", "Col", List.of("order", "user", "select", "from", "default", "limit")),
  CONSTRAINT("k", "Key", List.of("primary", "unique", "constraint", "references", "foreign", "analyse")),
  INDEX("ix", "Idx", List.of("index", "where", "using", "only", "offset", "having")),
  ENUM("e", "Mood", List.of("end", "case", "do", "else", "fetch", "grant")),
  SEQUENCE("s", "Seq", List.of("when", "then", "into", "to", "both", "leading"));

  /** Styles in the order {@code number % 6} picks them: plain first, so shrinking ends there. */
  private static final int STYLES = 6;

  private final String prefix;
  private final String mixed;
  private final List<String> keywords;

  Names(String prefix, String mixed, List<String> keywords) {
    this.prefix = prefix;
    this.mixed = mixed;
    this.keywords = keywords;
  }

  /**
   * @param number a generated number, at least 0
   * @return the name it stands for: {@code t3}, {@code Tab3}, {@code order} (key words while the
   *     ordinal allows, then with the ordinal appended), {@code t 3 x}, {@code tâble3}, {@code t"3}
   */
  String name(int number) {
    int ordinal = number / STYLES;
    return switch (number % STYLES) {
      case 0 -> prefix + ordinal;
      case 1 -> mixed + ordinal;
      case 2 -> ordinal < keywords.size() ? keywords.get(ordinal) : keywords.get(ordinal % keywords.size()) + ordinal;
      case 3 -> prefix + " " + ordinal + " x";
      case 4 -> prefix + "âé" + ordinal;
      default -> prefix + "\"" + ordinal;
    };
  }

  /**
   * @param wanted a name
   * @param taken names in use, never null
   * @return wanted, or wanted with {@code _2}, {@code _3}... appended until it is not taken
   */
  static String fresh(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) {
      name = wanted + "_" + i;
    }
    return name;
  }
}
