package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
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

/** A small builder for test tables: {@code table("t").id().col("name", "varchar(20)", true).build()}. */
final class Tables {

  private final String name;
  private final List<Column> columns = new ArrayList<>();
  private PrimaryKey pk;
  private final List<ForeignKey> fks = new ArrayList<>();
  private final List<UniqueConstraint> uniques = new ArrayList<>();
  private final List<CheckConstraint> checks = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();

  private Tables(String name) {
    this.name = name;
  }

  static Tables table(String name) {
    return new Tables(name);
  }

  Tables id() {
    columns.add(new Column("id", SqlType.parse("bigint"), false, null, Identity.BY_DEFAULT, null));
    pk = new PrimaryKey(name + "_pkey", List.of("id"));
    return this;
  }

  /** A primary key on these columns, replacing the one {@link #id()} declared. */
  Tables pk(String constraint, String... cols) {
    pk = new PrimaryKey(constraint, List.of(cols));
    return this;
  }

  Tables col(String column, String type, boolean nullable) {
    return col(column, type, nullable, null);
  }

  Tables col(String column, String type, boolean nullable, String defaultValue) {
    columns.add(new Column(column, SqlType.parse(type), nullable, DefaultExpr.parse(defaultValue), null, null));
    return this;
  }

  /** A stored generated column ({@code generated always as (expression) stored}). */
  Tables generated(String column, String type, String expression) {
    columns.add(new Column(column, SqlType.parse(type), true, null, null, null, expression, null));
    return this;
  }

  Tables fk(String constraint, String column, String referenced) {
    fks.add(new ForeignKey(constraint, List.of(column), new QualifiedName("public", referenced), List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    return this;
  }

  Tables unique(String constraint, String... cols) {
    uniques.add(new UniqueConstraint(constraint, List.of(cols)));
    return this;
  }

  Tables check(String constraint, String expression) {
    checks.add(new CheckConstraint(constraint, expression));
    return this;
  }

  Tables index(String index, boolean unique, String... keys) {
    indexes.add(new Index(index, List.of(keys), unique, null, null));
    return this;
  }

  /** An index the database marks INVALID (a failed CREATE INDEX CONCURRENTLY). */
  Tables invalidIndex(String index, boolean unique, String... keys) {
    indexes.add(new Index(index, List.of(keys), unique, null, null, List.of(), false));
    return this;
  }

  Tables partialIndex(String index, String predicate, String... keys) {
    indexes.add(new Index(index, List.of(keys), false, predicate, null));
    return this;
  }

  Table build() {
    return new Table(name, columns, pk, fks, uniques, checks, indexes, null);
  }

  static Catalog catalog(Table... tables) {
    return new Catalog(List.of(new Schema("public", List.of(tables), List.of(), List.of())));
  }
}
