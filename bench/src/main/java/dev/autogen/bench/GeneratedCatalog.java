package dev.autogen.bench;

import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A {@link GeneratedSchema} as the two in-memory {@link Catalog}s autogen compares, built straight from
 * the model records without a database or Hibernate: what introspecting its DDL gives ({@link
 * #current}) and what reading its entities gives ({@link #target}). They differ exactly by the
 * injected {@link Drift}. For benchmarks of the diff engine alone, at sizes no database needs to hold.
 *
 * <p>Both follow the shape {@link GeneratedSchema} documents: per table a bigint key, {@code code
 * varchar(40) not null} under a unique constraint, {@code name varchar(80)} under an index, {@code note
 * varchar(200)}, {@code qty integer}, {@code active boolean}, {@code born date}, {@code price
 * numeric(12,2)} and {@code parent_id bigint} referencing the previous table's key.
 */
public final class GeneratedCatalog {

  /** The schema the DDL and the entities live in: PostgreSQL's default. */
  public static final String SCHEMA = "public";

  private GeneratedCatalog() {}

  /**
   * @param schema the generated schema, never null
   * @return the catalog as the database holds it: the hand-written DDL, before the drift is migrated
   */
  public static Catalog current(GeneratedSchema schema) {
    return catalog(schema, false);
  }

  /**
   * @param schema the generated schema, never null
   * @return the catalog as the entities map it: the DDL plus the injected drift
   */
  public static Catalog target(GeneratedSchema schema) {
    return catalog(schema, true);
  }

  private static Catalog catalog(GeneratedSchema schema, boolean entities) {
    List<Table> tables = IntStream.range(0, schema.tables()).mapToObj(i -> table(i, entities)).toList();
    return new Catalog(List.of(new Schema(SCHEMA, tables, List.of(), List.of())));
  }

  private static Table table(int i, boolean entities) {
    Drift drift = entities ? Drift.of(i) : null;
    String name = GeneratedSchema.tableName(i);
    List<Column> columns = new ArrayList<>(List.of(
        column("id", "bigint", false),
        column("code", "varchar(40)", false),
        column("name", drift == Drift.WIDENED_COLUMN ? "varchar(100)" : "varchar(80)", true),
        column("note", "varchar(200)", true),
        column("qty", "integer", true),
        column("active", "boolean", true),
        column("born", "date", true),
        column("price", "numeric(12,2)", true),
        column("parent_id", "bigint", true)));
    if (drift == Drift.ADDED_COLUMN) {
      columns.add(column("extra", "varchar(20)", true));
    }
    // the DDL lacks the index of a MISSING_INDEX table; the entities always declare it
    boolean indexed = entities || Drift.of(i) != Drift.MISSING_INDEX;
    List<Index> indexes = indexed
        ? List.of(new Index("ix_" + name + "_name", List.of("name"), false, null, Index.DEFAULT_METHOD))
        : List.of();
    ForeignKey parent = new ForeignKey("fk_" + name + "_parent", List.of("parent_id"),
        new QualifiedName(SCHEMA, GeneratedSchema.tableName(Math.max(i - 1, 0))), List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    return new Table(name, columns, new PrimaryKey(name + "_pkey", List.of("id")), List.of(parent),
        List.of(new UniqueConstraint("uk_" + name + "_code", List.of("code"))), List.of(), indexes, null);
  }

  private static Column column(String name, String type, boolean nullable) {
    return new Column(name, SqlType.parse(type), nullable, null, null, null);
  }
}
