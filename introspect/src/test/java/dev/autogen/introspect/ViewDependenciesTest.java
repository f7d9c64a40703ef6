package dev.autogen.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What is read of a view so that it can be created again (issue 9, #5): the relations and columns it
 * reads ({@code pg_depend}), its definition schema-qualified even for a schema on the search path,
 * its options, comment, population and a materialized view's indexes.
 */
class ViewDependenciesTest {

  @Test
  void viewsCarryTheirDependenciesAndEverythingNeededToCreateThemAgain() {
    try (TestDatabase db = TestDatabase.create("viewdeps")) {
      db.execute("""
          create table public.item (id bigint primary key, sku varchar(20), title text, price numeric(8,2));
          create view public.cheap with (security_barrier = true, check_option = local) as
            select id, sku from item where price < 10;
          comment on view public.cheap is 'cheap''s';
          create view public.cheap_skus as select upper(sku) as sku from cheap;
          create materialized view public.totals as select sku, sum(price) as total from item group by sku with no data;
          create index totals_sku on public.totals (sku);""");
      Catalog catalog = new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
          IntrospectOptions.defaults()).read();
      List<View> views = catalog.schema("public").orElseThrow().views();
      QualifiedName item = new QualifiedName("public", "item");

      assertThat(views).extracting(View::name).containsExactly("cheap", "cheap_skus", "totals");
      View cheap = views.get(0);
      assertThat(cheap.dependencies()).containsExactly(new View.Dependency(item, "id"), new View.Dependency(item, "price"),
          new View.Dependency(item, "sku"));
      assertThat(cheap.definition()).contains("FROM public.item");
      assertThat(cheap.options()).containsExactly("security_barrier=true", "check_option=local");
      assertThat(cheap.comment()).isEqualTo("cheap's");
      assertThat(cheap.materialized()).isFalse();
      assertThat(views.get(1).dependencies())
          .containsExactly(new View.Dependency(new QualifiedName("public", "cheap"), "sku"));
      View totals = views.get(2);
      assertThat(totals.materialized()).isTrue();
      assertThat(totals.populated()).isFalse();
      assertThat(totals.indexes()).containsExactly("CREATE INDEX totals_sku ON public.totals USING btree (sku)");
      assertThat(totals.dependencies()).contains(new View.Dependency(item, "sku"), new View.Dependency(item, "price"));
    }
  }
}
