package dev.autogen.diff.rename;

import dev.autogen.diff.Diagnostic;
import dev.autogen.model.Column;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Dialect;
import dev.autogen.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a dropped and an added column of one table as a rename candidate.
 *
 * <p>The score is a weighted mean of four signals, each in [0, 1]:
 * <ul>
 *   <li>{@value #NAME} name similarity ({@link NameSimilarity}): the names are spelled alike;
 *   <li>{@value #TYPE} type compatibility ({@link TypeCompatibility}): the stored values fit the new
 *       type; an unrelated type is never a candidate;
 *   <li>{@value #POSITION} position: 1 - |difference of the 0-based places| / the longer column list;
 *       a column renamed in place keeps its place in the entity and so in Hibernate's column order.
 *       Left out (the other weights scaled up) when a table's column order is not known;
 *   <li>{@value #CONSTRAINTS} constraints: the mean of same nullability, same default and identity,
 *       and the overlap (Jaccard) of the keys, indexes and foreign keys each takes part in ({@link
 *       ColumnRoles}; 1 when neither takes part in any).
 * </ul>
 * None of them proves a rename; together they rank which drop and add are worth asking about. In
 * live mode ({@link #measured}) the data adds what it can: how many values the column holds (what a
 * drop would lose; it neither raises nor lowers the score) and, when the type changes in a way that may
 * lose values, the share of a sample of them that converts unchanged; the score is multiplied by
 * {@code 0.5 + 0.5 × share}, since values that do not convert make a rename with this type change fail
 * or lose them. Whether the old and the new column hold equal values cannot be measured: the new
 * column does not exist in the database yet.
 */
final class ColumnScoring {

  static final double NAME = 0.40;
  static final double TYPE = 0.30;
  static final double POSITION = 0.10;
  static final double CONSTRAINTS = 0.20;
  /** Candidates below this score are not reported. */
  static final double MIN_SCORE = 0.5;
  /** How many non-NULL values live mode tries to convert. */
  static final int SAMPLE_SIZE = 100;

  private final Dialect dialect;

  /** @param dialect the dialect's type knowledge, never null */
  ColumnScoring(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * @param table the table as the plan names it
   * @param dropped the dropped column
   * @param added the added column
   * @return the candidate with its static signals; empty when the types are unrelated or the score
   *     is below {@link #MIN_SCORE}
   */
  Optional<RenameCandidate> score(QualifiedName table, ColumnSide dropped, ColumnSide added) {
    Column from = dropped.column();
    Column to = added.column();
    TypeCompatibility types = TypeCompatibility.of(dialect, from.type(), to.type());
    if (types == TypeCompatibility.UNRELATED) {
      return Optional.empty();
    }
    double name = NameSimilarity.of(from.name(), to.name());
    boolean placed = dropped.placed() && added.placed();
    double total = NAME + TYPE + CONSTRAINTS + (placed ? POSITION : 0);
    List<Signal> signals = new ArrayList<>();
    signals.add(new Signal("name_similarity", name, NAME / total,
        name == 1 ? "names of the same words" : "names " + RenameCandidate.format(name) + " alike"));
    signals.add(new Signal("type_compatibility", types.weight(), TYPE / total, types == TypeCompatibility.SAME
        ? types.words() : types.words() + " (" + from.type().sql() + " to " + to.type().sql() + ")"));
    if (placed) {
      int longer = Math.max(dropped.columnCount(), added.columnCount());
      double position = 1 - (double) Math.abs(dropped.position() - added.position()) / longer;
      signals.add(new Signal("position", position, POSITION / total, dropped.position() == added.position()
          ? "same position (" + (added.position() + 1) + ")"
          : "positions " + (dropped.position() + 1) + " and " + (added.position() + 1)));
    }
    signals.add(constraints(dropped, added, CONSTRAINTS / total));
    double score = signals.stream().mapToDouble(s -> s.value() * s.weight()).sum();
    return score < MIN_SCORE ? Optional.empty()
        : Optional.of(new RenameCandidate(table, from.name(), to.name(), to.type(), clamp(score), signals, List.of(),
            List.of()));
  }

  /**
   * Adds what the live data shows to a candidate ({@link ColumnScoring} explains how it counts).
   *
   * @param candidate a column candidate from {@link #score}
   * @param dropped the dropped column's type and name
   * @param probe the live database's probe, or null (the candidate is returned as it is)
   * @param databaseTable the table as the database names it now
   * @return the candidate with the measured figures and, when values were converted, a {@code
   *     conversion} signal and the score scaled; empty when the scaled score is below {@link #MIN_SCORE}
   */
  Optional<RenameCandidate> measured(RenameCandidate candidate, Column dropped, DataProbe probe,
      QualifiedName databaseTable) {
    if (probe == null) {
      return Optional.of(candidate);
    }
    List<Diagnostic.Figure> figures = new ArrayList<>();
    List<Signal> signals = new ArrayList<>(candidate.signals());
    double score = candidate.score();
    Optional<DataProbe.Count> values = probe.count(new DataProbe.NonNullValues(databaseTable, dropped.name()));
    values.ifPresent(v -> figures.add(new Diagnostic.Figure("values", v.value(), v.estimate())));
    TypeCompatibility types = TypeCompatibility.of(dialect, dropped.type(), candidate.type());
    if (values.isPresent() && values.get().value() > 0 && !types.keepsEveryValue()) {
      Optional<DataProbe.Count> rejected = probe.count(new DataProbe.UnconvertibleSample(databaseTable,
          dropped.name(), candidate.type().sql(), SAMPLE_SIZE));
      if (rejected.isPresent()) {
        long sampled = Math.min(SAMPLE_SIZE, values.get().value());
        long bad = Math.min(sampled, rejected.get().value());
        double kept = 1 - (double) bad / sampled;
        signals.add(new Signal("conversion", kept, 0, bad == 0
            ? "all " + sampled + " sampled values convert to " + candidate.type().sql() + " unchanged"
            : bad + " of " + sampled + " sampled values do not convert to " + candidate.type().sql() + " unchanged"));
        figures.add(new Diagnostic.Figure("sampled_values", sampled, values.get().estimate()));
        figures.add(new Diagnostic.Figure("unconvertible", bad, true));
        score *= 0.5 + 0.5 * kept;
      }
    }
    return score < MIN_SCORE ? Optional.empty()
        : Optional.of(new RenameCandidate(candidate.table(), candidate.column(), candidate.to(), candidate.type(),
            clamp(score), signals, figures, List.of()));
  }

  private static Signal constraints(ColumnSide dropped, ColumnSide added, double weight) {
    Column from = dropped.column();
    Column to = added.column();
    boolean nullable = from.nullable() == to.nullable();
    boolean defaults = Objects.equals(from.defaultValue(), to.defaultValue())
        && Objects.equals(from.identity(), to.identity());
    double roles = jaccard(dropped.roles(), added.roles());
    List<String> differ = new ArrayList<>();
    if (!nullable) {
      differ.add("nullability");
    }
    if (!defaults) {
      differ.add("default");
    }
    if (roles < 1) {
      differ.add("keys (" + describe(dropped.roles()) + " / " + describe(added.roles()) + ")");
    }
    double value = ((nullable ? 1 : 0) + (defaults ? 1 : 0) + roles) / 3;
    return new Signal("constraints", value, weight, differ.isEmpty()
        ? "same nullability, default and keys" : String.join(", ", differ) + " differ");
  }

  private static String describe(Set<String> roles) {
    return roles.isEmpty() ? "none" : String.join(", ", roles);
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return (double) both.size() / union.size();
  }

  static double clamp(double score) {
    return Math.max(0, Math.min(1, score));
  }
}
