package dev.autogen.cli.verify;

import dev.autogen.model.Catalog;
import dev.autogen.model.SqlType;
import dev.autogen.model.postgres.PostgresDialect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares two catalogs record for record, every component of every model record, as read from the
 * database: names, types as spelled ({@code format_type}: {@code timestamp} is not {@code
 * timestamp(6)}), defaults and expressions as the catalog prints them, comments, constraint and index
 * names. It does not use the records' own {@code equals}, which some model types define semantically
 * for the diff ({@code SqlType} ignores the spelling); it walks the record components. Elements of a
 * list that have a {@code name} are matched by name, so the order of columns is not compared
 * (PostgreSQL cannot put a column that an undo adds back at its old position); other lists are
 * compared in order. One exception: PostgreSQL does not print an expression it parsed from its own printed
 * text unchanged ({@code (status)::text = ANY ((ARRAY['A'::character varying])::text[])} comes back as
 * {@code (status)::text = ANY (ARRAY[('A'::character varying)::text])}), so an undo file that re-creates a
 * check constraint, index predicate or generation expression with the catalog's text cannot give the
 * same text; such expressions are equal when their texts are, or when they normalise to one expression
 * ({@link PostgresDialect#normalizeExpression}). The stairway of {@code autogen verify} uses it: after a migration's undo file the
 * catalog must be exactly the one before the migration.
 */
public final class ExactCatalogComparison {

  /**
   * The record components that hold an SQL expression as the catalog prints it ({@code
   * pg_get_constraintdef}, {@code pg_get_expr}): check constraints, index predicates, generation
   * expressions.
   */
  private static final java.util.Set<String> EXPRESSIONS = java.util.Set.of("expression", "predicate", "generated");

  private final String before;
  private final String after;

  private ExactCatalogComparison(String before, String after) {
    this.before = before;
    this.after = after;
  }

  /**
   * @param before the catalog before the migration, never null
   * @param after the catalog after its undo file, never null
   * @return the first difference as one line, naming the object and attribute with both values; empty
   *     when the two are exactly equal
   */
  public static Optional<String> firstDifference(Catalog before, Catalog after) {
    return firstDifference(before, after, "before", "after the undo");
  }

  /**
   * @param first a catalog, never null
   * @param second another, never null
   * @param firstLabel what the first is, in the message, e.g. {@code before}
   * @param secondLabel what the second is, e.g. {@code after the undo}
   * @return the first difference as one line ({@code column public.t.c type: timestamp without time
   *     zone before, timestamp(6) without time zone after the undo}); empty when exactly equal
   */
  public static Optional<String> firstDifference(Catalog first, Catalog second, String firstLabel, String secondLabel) {
    return new ExactCatalogComparison(firstLabel, secondLabel).record("", first, second);
  }

  /** Compares two records of one class component by component; {@code object} names what they are. */
  private Optional<String> record(String object, Object before, Object after) {
    for (RecordComponent component : before.getClass().getRecordComponents()) {
      Optional<String> d = value(object, component.getName(), value(component, before), value(component, after));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private Optional<String> value(String object, String attribute, Object before, Object after) {
    String where = (object + " " + attribute).strip();
    if (before instanceof SqlType || after instanceof SqlType) {
      // a type as spelled: what it means and the catalog's spelling
      return Objects.equals(before, after) && Objects.equals(spelling(before), spelling(after)) ? Optional.empty()
          : Optional.of(where + ": " + spelling(before) + " " + this.before + ", " + spelling(after) + " " + this.after);
    }
    if (before instanceof List<?> b && after instanceof List<?> a) {
      return list(object, where, b, a);
    }
    if (EXPRESSIONS.contains(attribute) && before instanceof String b && after instanceof String a && !b.equals(a)
        && PostgresDialect.INSTANCE.normalizeExpression(b).equals(PostgresDialect.INSTANCE.normalizeExpression(a))) {
      // PostgreSQL does not print its own printed expression back unchanged (see the class comment)
      return Optional.empty();
    }
    if (before != null && after != null && before.getClass() == after.getClass() && before.getClass().isRecord()) {
      return record(where, before, after);
    }
    return Objects.equals(before, after) ? Optional.empty()
        : Optional.of(where + ": " + show(before) + " " + this.before + ", " + show(after) + " " + this.after);
  }

  private Optional<String> list(String object, String where, List<?> before, List<?> after) {
    Map<String, Object> b = byName(before);
    Map<String, Object> a = byName(after);
    if (b != null && a != null) {
      for (Map.Entry<String, Object> e : b.entrySet()) {
        String child = child(object, e.getValue(), e.getKey());
        if (!a.containsKey(e.getKey())) {
          return Optional.of(child + ": present " + this.before + ", missing " + this.after);
        }
        Optional<String> d = record(child, e.getValue(), a.get(e.getKey()));
        if (d.isPresent()) {
          return d;
        }
      }
      for (Map.Entry<String, Object> e : a.entrySet()) {
        if (!b.containsKey(e.getKey())) {
          return Optional.of(child(object, e.getValue(), e.getKey()) + ": missing " + this.before + ", present " + this.after);
        }
      }
      return Optional.empty();
    }
    if (before.size() == after.size()) {
      for (int i = 0; i < before.size(); i++) {
        Optional<String> d = value(where + "[" + (i + 1) + "]", "", before.get(i), after.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return Optional.of(where + ": " + show(before) + " " + this.before + ", " + show(after) + " " + this.after);
  }

  /** @return the elements by name when each is a record with a distinct, non-null {@code name}, else null */
  private static Map<String, Object> byName(List<?> elements) {
    Map<String, Object> named = new LinkedHashMap<>();
    for (Object e : elements) {
      if (e == null || !e.getClass().isRecord()) {
        return null;
      }
      RecordComponent name = java.util.Arrays.stream(e.getClass().getRecordComponents())
          .filter(c -> c.getName().equals("name") && c.getType() == String.class).findFirst().orElse(null);
      Object value = name == null ? null : value(name, e);
      if (value == null || named.put((String) value, e) != null) {
        return null;
      }
    }
    return named;
  }

  /**
   * @return e.g. {@code column public.book.title} for a column {@code title} of {@code table
   *     public.book}: the kind of the record and its qualified name
   */
  private static String child(String object, Object element, String name) {
    String kind = element.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return object.isEmpty() ? kind + " " + name : kind + " " + object.substring(object.indexOf(' ') + 1) + "." + name;
  }

  private static String spelling(Object type) {
    return type == null ? "none" : ((SqlType) type).raw();
  }

  private static String show(Object value) {
    return value == null ? "none" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
    }
  }
}
