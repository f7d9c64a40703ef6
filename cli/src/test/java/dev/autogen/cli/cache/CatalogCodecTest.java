package dev.autogen.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Domain;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.Trigger;
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.View;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogCodecTest {

  @Test
  void everyComponentComesBack() {
    Catalog catalog = catalog();

    byte[] bytes = CatalogCodec.encode(catalog);
    Catalog read = CatalogCodec.decode(bytes).orElseThrow();

    assertThat(read).isEqualTo(catalog);
    // equality leaves some components out (a type's spelling, whether it is a domain): the bytes do not
    assertThat(CatalogCodec.encode(read)).isEqualTo(bytes);
    Column domainColumn = read.schemas().get(0).tables().get(0).columns().get(4);
    assertThat(domainColumn.type().domain()).isTrue();
    assertThat(domainColumn.type().raw()).isEqualTo("app.email");
  }

  @Test
  void damagedBytesAreNoCatalog() {
    byte[] bytes = CatalogCodec.encode(catalog());

    assertThat(CatalogCodec.decode(Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
    assertThat(CatalogCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).as("trailing bytes").isEmpty();
    assertThat(CatalogCodec.decode(new byte[] {0x7f, 0, 0, 0})).as("a count beyond the payload").isEmpty();
    assertThat(CatalogCodec.decode(new byte[0])).isEmpty();
  }

  /** A catalog with every kind of model value, nulls where a component may be null. */
  private static Catalog catalog() {
    SqlType email = SqlType.ofDomain("app.email", SqlType.parse("character varying(200)"));
    Table author = new Table("author",
        List.of(new Column("id", SqlType.parse("bigint"), false, null, Identity.BY_DEFAULT, "key"),
            new Column("name", SqlType.parse("character varying(80)"), false, new DefaultExpr.Literal("'x'"), null, null,
                null, "C"),
            new Column("n", SqlType.parse("numeric(10,2)[]"), true, new DefaultExpr.NextValue("s", "nextval('s')", true),
                null, null),
            new Column("at", SqlType.parse("timestamptz"), true, new DefaultExpr.Expression("now()"), null, null),
            new Column("mail", email, true, null, null, null),
            new Column("twice", SqlType.parse("integer"), true, null, Identity.ALWAYS, null, "(n * 2)", null)),
        new PrimaryKey("author_pkey", List.of("id")), List.of(), List.of(new UniqueConstraint("author_name_key", List.of("name"))),
        List.of(new CheckConstraint("author_n_check", "n > 0"), new CheckConstraint(null, "name <> ''")),
        List.of(new Index("author_at_idx", List.of("at", "lower(name)"), false, "at is not null", "btree", List.of("n"),
            false)),
        "authors", List.of(new Trigger("author_touch", "CREATE TRIGGER author_touch ...")));
    Table book = new Table("book",
        List.of(new Column("author_id", SqlType.parse("bigint"), false, null, null, null)),
        null, List.of(new ForeignKey("book_author_fk", List.of("author_id"), new QualifiedName("app", "author"),
            List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
            new ForeignKey(null, List.of("author_id"), new QualifiedName("app", "author"), List.of("id"),
                ReferentialAction.SET_NULL, ReferentialAction.RESTRICT)),
        List.of(), List.of(), List.of(), null);
    View shelf = new View("shelf", true, "select 1", "a shelf", List.of("fillfactor=70"), List.of("shelf_idx"), false,
        List.of(new View.Dependency(new QualifiedName("app", "book"), "author_id"),
            new View.Dependency(new QualifiedName("app", "author"), null)));
    Domain domain = new Domain("email", SqlType.parse("varchar(200)"), false, new DefaultExpr.Literal("''"),
        List.of(new CheckConstraint("email_check", "VALUE ~ '@'")));
    return new Catalog(List.of(
        new Schema("app", List.of(author, book), List.of(new Sequence("s", 1, 1), new Sequence("t", -5, -1)),
            List.of(new EnumType("mood", List.of("sad", "ok"))), List.of(domain), List.of(shelf)),
        new Schema("empty", List.of(), List.of(), List.of(), List.of(), List.of())));
  }
}
