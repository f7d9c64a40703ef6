package dev.autogen.diff;

import dev.autogen.model.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A backfill the user asked for ({@code --fill table.column=SQL-expression}): the expression that gives
 * each existing row its value in a column the plan adds as NOT NULL, or makes NOT NULL, so that the
 * migration applies on a populated table. The expression is SQL over the table's other columns as
 * they are when the migration runs (for example {@code lower(email)} or {@code 'n/a'}); it is written
 * into the migration as given and never evaluated here.
 *
 * @param table the table as the plan names it (after confirmed renames), never null
 * @param column the column as the plan names it, never null
 * @param expression the SQL expression, never null or blank
 */
public record Backfill(QualifiedName table, String column, String expression) {

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the expression is blank
   */
  public Backfill {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("the fill expression of " + table + "." + column + " is empty");
    }
  }

  /**
   * Reads the user's spelling {@code [schema.]table.column=expression}: everything after the first
   * {@code =} is the expression (it may contain {@code =} itself); names are taken as the catalog
   * stores them (no quotes, no case folding).
   *
   * @param spec the option value, never null
   * @param defaultSchema the schema of a table written without one, never null
   * @return the backfill
   * @throws IllegalArgumentException when the value is not of that form (the message says the form),
   *     or when the expression is not one whole SQL expression: an unclosed string, quoted identifier,
   *     dollar quote or comment, unmatched parentheses, or a {@code ;} ({@link ExpressionText})
   */
  public static Backfill parse(String spec, String defaultSchema) {
    int eq = spec.indexOf('=');
    List<String> names = eq < 0 ? List.of() : List.of(spec.substring(0, eq).trim().split("\\.", -1));
    if (eq < 0 || names.size() < 2 || names.size() > 3 || names.stream().anyMatch(String::isBlank)
        || spec.substring(eq + 1).isBlank()) {
      throw new IllegalArgumentException("--fill takes [schema.]table.column=SQL-expression, not '" + spec + "'");
    }
    String expression = spec.substring(eq + 1).trim();
    ExpressionText.problem(expression).ifPresent(problem -> {
      throw new IllegalArgumentException("--fill " + spec.substring(0, eq).trim() + ": '" + expression
          + "' is not one SQL expression: " + problem);
    });
    String schema = names.size() == 3 ? names.get(0) : defaultSchema;
    return new Backfill(new QualifiedName(schema, names.get(names.size() - 2)), names.get(names.size() - 1),
        expression);
  }

  /**
   * @param change a change
   * @return whether this backfill is for the column the change adds or alters
   */
  public boolean fills(Change change) {
    return (change instanceof Change.AddColumn || change instanceof Change.AlterColumn)
        && change.subject().equals(table) && column.equals(change.column());
  }

  /**
   * @param fills backfills, never null
   * @param change a change, never null
   * @return the backfill of the column the change adds or alters, or null when there is none
   */
  public static Backfill of(List<Backfill> fills, Change change) {
    return fills.stream().filter(f -> f.fills(change)).findFirst().orElse(null);
  }

  /**
   * @param change a change the backfill {@link #fills}
   * @return whether the backfill has work to do there: the change adds the column NOT NULL or makes it
   *     NOT NULL
   */
  public static boolean applies(Change change) {
    return change instanceof Change.AddColumn a && !a.added().nullable()
        || change instanceof Change.AlterColumn c && c.aspects().contains(Change.Aspect.NULLABILITY)
            && !c.to().nullable();
  }
}
