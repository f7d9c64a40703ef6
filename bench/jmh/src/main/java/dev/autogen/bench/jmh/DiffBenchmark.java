package dev.autogen.bench.jmh;

import dev.autogen.bench.GeneratedCatalog;
import dev.autogen.bench.GeneratedSchema;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.model.Catalog;
import dev.autogen.model.Schema;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The diff engine alone, without a database, Hibernate or JVM start: two in-memory catalogs of the
 * benchmark's generated schema ({@link GeneratedCatalog}: 9 columns, a unique constraint, an index and
 * a foreign key to the previous table per table, drift in every tenth) diffed with {@link SchemaDiff}
 * as {@code autogen check} diffs them, and the resulting plan rendered with {@link PostgresRenderer}.
 * Sizes 1,000 and 10,000 tables: a linear engine takes ten times as long at the larger one.
 *
 * <p>Run: {@code java -jar bench/jmh/target/benchmarks.jar -f 1 -wi 1 -i 3} (JMH's options; {@code -p
 * tables=10000} for one size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class DiffBenchmark {

  /** How many tables each catalog has. */
  @Param({"1000", "10000"})
  public int tables;

  private final SchemaDiff diff = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE));
  private final PostgresRenderer renderer = new PostgresRenderer();
  private Catalog current;
  private Catalog target;
  private Catalog empty;
  private MigrationPlan plan;

  /**
   * Builds the catalogs and the plan once per trial, and checks that the plan is exactly the
   * injected drift, so that the benchmark measures the work {@code autogen check} does.
   *
   * @throws IllegalStateException when the diff does not find one change per drifted table
   */
  @Setup(Level.Trial)
  public void build() {
    GeneratedSchema schema = new GeneratedSchema(tables, GeneratedSchema.DEFAULT_PACKAGE);
    current = GeneratedCatalog.current(schema);
    target = GeneratedCatalog.target(schema);
    empty = new Catalog(List.of(Schema.empty(GeneratedCatalog.SCHEMA)));
    plan = diff.diff(current, target);
    if (plan.changes().size() != schema.expectedDrift().size()) {
      throw new IllegalStateException("the diff found " + plan.changes().size() + " changes, not the "
          + schema.expectedDrift().size() + " injected");
    }
  }

  /** @return the plan of the drift: one change in every tenth table */
  @Benchmark
  public MigrationPlan diffDrift() {
    return diff.diff(current, target);
  }

  /** @return the plan that creates every table and foreign key: a first migration */
  @Benchmark
  public MigrationPlan diffFromEmpty() {
    return diff.diff(empty, target);
  }

  /** @return the PostgreSQL statements (and their reverses) of the drift plan */
  @Benchmark
  public List<Statement> renderDrift() {
    return renderer.render(plan);
  }
}
