package dev.autogen.diff.rename;

import dev.autogen.diff.Diagnostic;
import dev.autogen.model.Column;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Dialect;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a dropped and a created table of one schema as a rename candidate, with the column renames
 * suspected inside it.
 *
 * <p>The score is a weighted mean of three signals, each in [0, 1]:
 * <ul>
 *   <li>{@value #NAME} name similarity ({@link NameSimilarity});
 *   <li>{@value #COLUMNS} column overlap: each column name both tables have counts 1 with the same
 *       type, 0.75 with a type of one family, 0.25 otherwise; each suspected column rename inside
 *       (best match of the other columns, {@link ColumnScoring}, positions known from both tables)
 *       counts its score; the sum is divided by the number of distinct columns, a renamed pair
 *       counting once;
 *   <li>{@value #KEYS} keys: overlap (Jaccard) of the primary key columns, 1 when neither has one.
 * </ul>
 * Below {@value #MIN_SCORE} a pair is no candidate. In live mode the dropped table's row count is
 * added as a figure (what a drop would lose; it does not change the score: an empty table may be
 * renamed as well as a full one), and the column renames inside are measured as {@link
 * ColumnScoring#measured} says.
 */
final class TableScoring {

  static final double NAME = 0.3;
  static final double COLUMNS = 0.6;
  static final double KEYS = 0.1;
  /** Candidates below this score are not reported. */
  static final double MIN_SCORE = 0.5;

  private final Dialect dialect;
  private final ColumnScoring columns;

  /** @param dialect the dialect's type knowledge, never null */
  TableScoring(Dialect dialect) {
    this.dialect = dialect;
    this.columns = new ColumnScoring(dialect);
  }

  /**
   * @param schema the schema of both tables
   * @param dropped the dropped table, as the database has it
   * @param created the created table, as the entities have it
   * @param probe the live database's probe, or null for none
   * @return the candidate; empty below {@link #MIN_SCORE}
   */
  Optional<RenameCandidate> score(String schema, Table dropped, Table created, DataProbe probe) {
    QualifiedName from = new QualifiedName(schema, dropped.name());
    List<RenameCandidate> inner = innerRenames(from, new QualifiedName(schema, created.name()), dropped, created,
        probe);
    Set<String> names = new TreeSet<>();
    dropped.columns().forEach(c -> names.add(c.name()));
    created.columns().forEach(c -> names.add(c.name()));
    double shared = 0;
    for (Column c : dropped.columns()) {
      Optional<Column> same = created.column(c.name());
      if (same.isPresent()) {
        shared += c.type().equals(same.get().type()) ? 1 : dialect.sameFamily(c.type(), same.get().type()) ? 0.75 : 0.25;
      }
    }
    shared += inner.stream().mapToDouble(RenameCandidate::score).sum();
    int distinct = names.size() - inner.size();
    double overlap = distinct == 0 ? 0 : Math.min(1, shared / distinct);
    double name = NameSimilarity.of(dropped.name(), created.name());
    double keys = ColumnScoring.jaccard(keyColumns(dropped), keyColumns(created));
    List<Signal> signals = List.of(
        new Signal("name_similarity", name, NAME, name == 1 ? "names of the same words"
            : "names " + RenameCandidate.format(name) + " alike"),
        new Signal("column_overlap", overlap, COLUMNS, "columns " + RenameCandidate.format(overlap) + " alike"
            + (inner.isEmpty() ? "" : " (" + inner.size() + " renamed)")),
        new Signal("keys", keys, KEYS, keys == 1 ? "same primary key" : "primary keys differ"));
    double score = NAME * name + COLUMNS * overlap + KEYS * keys;
    if (score < MIN_SCORE) {
      return Optional.empty();
    }
    List<Diagnostic.Figure> measured = new ArrayList<>();
    if (probe != null) {
      probe.count(new DataProbe.Rows(from))
          .ifPresent(rows -> measured.add(new Diagnostic.Figure("rows", rows.value(), rows.estimate())));
    }
    return Optional.of(new RenameCandidate(from, null, created.name(), null, ColumnScoring.clamp(score), signals,
        measured, inner));
  }

  /** The best match of the columns only one of the two tables has, named by the created table. */
  private List<RenameCandidate> innerRenames(QualifiedName from, QualifiedName to, Table dropped, Table created,
      DataProbe probe) {
    List<RenameCandidate> pairs = new ArrayList<>();
    for (Column d : dropped.columns()) {
      if (created.column(d.name()).isPresent()) {
        continue;
      }
      ColumnSide droppedSide = side(dropped, d);
      for (Column a : created.columns()) {
        if (dropped.column(a.name()).isEmpty()) {
          columns.score(to, droppedSide, side(created, a))
              .flatMap(c -> columns.measured(c, d, probe, from))
              .ifPresent(pairs::add);
        }
      }
    }
    return BestMatch.of(pairs, RenameCandidate::score, RenameCandidate::column, RenameCandidate::to);
  }

  private static ColumnSide side(Table table, Column column) {
    return new ColumnSide(column, table.columns().indexOf(column), table.columns().size(),
        ColumnRoles.in(table, column.name()));
  }

  private static Set<String> keyColumns(Table table) {
    return table.primaryKey() == null ? Set.of() : new HashSet<>(table.primaryKey().columns());
  }
}
