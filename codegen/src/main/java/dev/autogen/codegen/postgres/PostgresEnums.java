package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;

import dev.autogen.model.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Enum type statements (PostgreSQL "CREATE TYPE ... AS ENUM", "ALTER TYPE", "DROP TYPE"). */
final class PostgresEnums {

  private PostgresEnums() {}

  /** @return {@code create type t as enum ('a', 'b')} */
  static String create(String schema, EnumType type) {
    return "create type " + qualified(schema, type.name()) + " as enum ("
        + type.values().stream().map(PostgresLiterals::string).collect(Collectors.joining(", ")) + ")";
  }

  /** @return {@code drop type t} */
  static String drop(String schema, EnumType type) {
    return "drop type " + qualified(schema, type.name());
  }

  /**
   * When labels are only added, keeping the order of the existing ones: one {@code alter type t add
   * value 'v'} per new label, placed {@code after} its predecessor in the target order (or {@code
   * before} the first existing label when it goes first). PostgreSQL cannot remove or reorder enum
   * labels; then the type is dropped and created again with the target labels. The renderer does not
   * know which columns use the type, so that statement fails (inside the migration's transaction,
   * changing nothing) while any column does; the diff reports the removal as {@code DATA_LOSS}.
   *
   * @param schema the type's schema, never null
   * @param from the type as it is, never null
   * @param to the type as it should be: same name, never null
   * @return the statements; none when the labels are equal
   * @throws IllegalArgumentException when the names differ: a rename is not an alteration
   */
  static List<String> alter(String schema, EnumType from, EnumType to) {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "cannot alter enum type " + from.name() + " into a type of another name: " + to.name());
    }
    if (!onlyAdds(from.values(), to.values())) {
      return List.of(drop(schema, from), create(schema, to));
    }
    String prefix = "alter type " + qualified(schema, to.name()) + " add value ";
    List<String> sql = new ArrayList<>();
    List<String> target = to.values();
    for (int i = 0; i < target.size(); i++) {
      String label = target.get(i);
      if (from.values().contains(label)) {
        continue;
      }
      String position = i > 0
          ? " after " + PostgresLiterals.string(target.get(i - 1))
          : from.values().isEmpty() ? "" : " before " + PostgresLiterals.string(from.values().get(0));
      sql.add(prefix + PostgresLiterals.string(label) + position);
    }
    return sql;
  }

  /** @return whether {@code to} is {@code from} with labels inserted, the existing ones in order */
  private static boolean onlyAdds(List<String> from, List<String> to) {
    List<String> kept = to.stream().filter(from::contains).toList();
    return kept.equals(from);
  }
}
