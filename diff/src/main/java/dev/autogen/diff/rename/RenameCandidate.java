package dev.autogen.diff.rename;

import dev.autogen.diff.Diagnostic;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A dropped column and an added column of one table, or a dropped and a created table of one
 * schema, that look like a rename, with the score and the signals that say so. Never applied by
 * itself: it becomes a rename only when the user confirms {@link #spec} ({@code --rename}, the renames
 * file, or the question on a terminal). DESIGN.md, Diff: renames are never guessed silently.
 *
 * @param table for a column, its table as the plan's changes name it (a table the plan renames has
 *     its new name, which {@code --rename} accepts together with the table rename); for a table, the
 *     dropped table. Never null
 * @param column the dropped column, or null for a table candidate
 * @param to the added column's or the created table's name, never null
 * @param type the added column's type, or null for a table candidate
 * @param score how strongly the signals point to a rename, in [0, 1]
 * @param signals the evidence, the scored signals first, never null
 * @param measured what the live database showed (values the column holds, sampled values a type
 *     change would not keep, rows of the table); empty in replay mode. Never null
 * @param columns for a table candidate, the column renames suspected inside it (named by the created
 *     table, valid only with the table rename); empty for a column. Never null
 */
public record RenameCandidate(QualifiedName table, String column, String to, SqlType type, double score,
    List<Signal> signals, List<Diagnostic.Figure> measured, List<RenameCandidate> columns) {

  /**
   * @throws NullPointerException when table, to or a list is null
   * @throws IllegalArgumentException when score is outside [0, 1]
   */
  public RenameCandidate {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(to, "to");
    signals = List.copyOf(signals);
    measured = List.copyOf(measured);
    columns = List.copyOf(columns);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score " + score);
    }
  }

  /** @return whether this renames a column rather than a table */
  public boolean isColumn() {
    return column != null;
  }

  /**
   * @param defaultSchema the schema whose tables {@code --rename} names unqualified
   * @return the value of the {@code --rename} that confirms this rename: {@code table.old=new} or
   *     {@code old_table=new_table}, schema-qualified outside the default schema
   */
  public String spec(String defaultSchema) {
    String tableName = table.schema().equals(defaultSchema) ? table.name() : table.toString();
    return tableName + (isColumn() ? "." + column : "") + "=" + to;
  }

  /**
   * @param defaultSchema the schema whose tables {@code --rename} names unqualified
   * @return every {@code --rename} value of this candidate: its own, then those of the column renames
   *     inside a table rename
   */
  public List<String> specs(String defaultSchema) {
    List<String> specs = new ArrayList<>();
    specs.add(spec(defaultSchema));
    columns.forEach(c -> specs.add(c.spec(defaultSchema)));
    return specs;
  }

  /**
   * @param defaultSchema the schema whose names need no qualification
   * @return the question a terminal asks, without the answer choices: {@code Did you rename
   *     customer.full_name to customer.display_name (varchar(120))?} or {@code Did you rename client to
   *     customer?}
   */
  public String question(String defaultSchema) {
    String tableName = table.schema().equals(defaultSchema) ? table.name() : table.toString();
    return isColumn()
        ? "Did you rename " + tableName + "." + column + " to " + tableName + "." + to + " (" + type.sql() + ")?"
        : "Did you rename " + tableName + " to " + to + "?";
  }

  /**
   * @return the score and each signal's words, then what the data holds: {@code score 0.81: names
   *     0.52 alike, same type, same nullability, default and keys; holds 2 values}
   */
  public String evidence() {
    String held = measured.stream().filter(f -> f.name().equals("values") || f.name().equals("rows"))
        .map(f -> String.format(Locale.ROOT, "; holds %,d ", f.value())
            + (f.value() == 1 ? f.name().substring(0, f.name().length() - 1) : f.name())
            + (f.estimate() ? " (estimate)" : ""))
        .collect(Collectors.joining());
    return "score " + format(score) + ": " + signals.stream().map(Signal::words).collect(Collectors.joining(", "))
        + held;
  }

  /**
   * @return the figures a diagnostic carries: {@code score_percent}, then each signal's value as
   *     {@code <key>_percent}, then {@link #measured()}
   */
  public List<Diagnostic.Figure> figures() {
    List<Diagnostic.Figure> figures = new ArrayList<>();
    figures.add(new Diagnostic.Figure("score_percent", Math.round(score * 100), false));
    signals.forEach(s -> figures.add(new Diagnostic.Figure(s.key() + "_percent", s.percent(), false)));
    figures.addAll(measured);
    return figures;
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
