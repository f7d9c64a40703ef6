package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

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
   * before} the first existing label when it goes first). Such a label cannot be used before the
   * transaction that added it commits (PostgreSQL "ALTER TYPE", Notes), so these statements are not
   * transactional ({@link #addsValues}).
   *
   * <p>PostgreSQL cannot remove or reorder enum labels. Then the type is replaced while the columns
   * keep their data ({@link #replace}).
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
      return replace(schema, to);
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

  /**
   * @param from the type as it is, never null
   * @param to the type as it should be, never null
   * @return whether {@link #alter} writes {@code add value} statements, which may not run in the
   *     transaction whose later statements use the new labels
   */
  static boolean addsValues(EnumType from, EnumType to) {
    return !from.values().equals(to.values()) && onlyAdds(from.values(), to.values());
  }

  /**
   * Replaces an enum type by one with other labels, the way PostgreSQL allows while columns use it:
   * the type is renamed out of the way ({@code <name>_autogen_old}), the new one created under the
   * name, every column of the old type (or an array of it) in any table converted with {@code alter
   * column ... type <new> using <column>::text::<new>} (its default dropped before and set again after,
   * naming the new type), and the old type dropped; foreign keys between such columns are dropped
   * before and added again after, with their definitions as the catalog prints them ({@code
   * pg_get_constraintdef}), since converting one side first leaves the key between two types. The
   * columns and keys are found in the catalog when the statement runs ({@code pg_attribute} of tables
   * and partitioned tables), so columns this migration created or retyped before, and columns of
   * tables outside the compared set, are all converted. The
   * conversion fails, changing nothing, when a row holds a label the new type lacks; the diff reports
   * the removal as {@code DATA_LOSS}. A default must name a label of the new type: the diff orders
   * label removals after the default changes ({@code ChangeOrder}).
   */
  private static List<String> replace(String schema, EnumType to) {
    String name = qualified(schema, to.name());
    String oldName = PostgresNames.makeObjectName(to.name(), null, "autogen_old");
    String old = qualified(schema, oldName);
    String body = """

        declare
          old_type regtype := %s::regtype;
          new_type regtype := %s::regtype;
          col record;
          fk record;
          fks text[] := '{}';
          target text;
        begin
          -- foreign keys between columns of the type: both sides must change type before they hold again
          for fk in
            select k.conrelid::regclass as tbl, quote_ident(k.conname) as name, pg_get_constraintdef(k.oid) as def
            from pg_constraint k
            where k.contype = 'f' and exists (
              select 1 from pg_attribute a
              where a.atttypid in (old_type, (select typarray from pg_type where oid = old_type))
                and (a.attrelid = k.conrelid and a.attnum = any (k.conkey)
                     or a.attrelid = k.confrelid and a.attnum = any (k.confkey)))
            order by k.conrelid, k.conname
          loop
            execute format('alter table %%s drop constraint %%s', fk.tbl, fk.name);
            fks := fks || format('alter table %%s add constraint %%s %%s', fk.tbl, fk.name, fk.def);
          end loop;
          for col in
            select a.attrelid::regclass as tbl, quote_ident(a.attname) as name, a.atttypid <> old_type as is_array,
                   pg_get_expr(d.adbin, d.adrelid) as def
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p')
            join pg_type t on t.oid = old_type
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.atttypid in (t.oid, t.typarray) and a.attnum > 0 and not a.attisdropped
            order by a.attrelid, a.attnum
          loop
            target := new_type::text || case when col.is_array then '[]' else '' end;
            if col.def is not null then
              execute format('alter table %%s alter column %%s drop default', col.tbl, col.name);
            end if;
            execute format('alter table %%s alter column %%s type %%s using %%s::text::%%s',
                           col.tbl, col.name, target, col.name, target);
            if col.def is not null then
              execute format('alter table %%s alter column %%s set default %%s', col.tbl, col.name,
                             replace(col.def, '::' || old_type::text, '::' || new_type::text));
            end if;
          end loop;
          for i in 1 .. coalesce(array_length(fks, 1), 0) loop
            execute fks[i];
          end loop;
        end
        """.formatted(PostgresLiterals.string(old), PostgresLiterals.string(name));
    String convert = "do " + PostgresLiterals.dollarQuoted(body, "autogen");
    return List.of("alter type " + name + " rename to " + quote(oldName), create(schema, to), convert,
        "drop type " + old);
  }

  /** @return whether {@code to} is {@code from} with labels inserted, the existing ones in order */
  private static boolean onlyAdds(List<String> from, List<String> to) {
    List<String> kept = to.stream().filter(from::contains).toList();
    return kept.equals(from);
  }
}
