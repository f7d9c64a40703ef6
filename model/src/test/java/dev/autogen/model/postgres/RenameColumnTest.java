package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.autogen.model.Dialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PostgresExpressions#renameColumn(String, String, String)} without a database. */
class RenameColumnTest {

  private static String rename(String expression, String from, String to) {
    return PostgresExpressions.renameColumn(expression, from, to);
  }

  /** Expression, old name, new name, expected text. */
  static Stream<Arguments> renames() {
    return Stream.of(
        arguments("status in ('A','B')", "status", "state", "state in ('A', 'B')"),
        arguments("((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))",
            "status", "state", "state::text = any (array['A'::character varying, 'B'::character varying]::text[])"),
        // string constants that spell the name stay
        arguments("full_name <> 'full_name'", "full_name", "display_name", "display_name <> 'full_name'"),
        arguments("full_name like E'full_name\\\\%' || $$full_name$$", "full_name", "display_name",
            "display_name like 'full_name\\%' || 'full_name'"),
        // a function, a type and a collation named like the column stay
        arguments("full_name(full_name) > 0", "full_name", "display_name", "full_name(display_name) > 0"),
        arguments("status::status = 'A'", "status", "state", "state::status = 'A'"),
        arguments("status collate status = 'A'", "status", "state", "state collate status = 'A'"),
        // other identifiers stay, also those that contain the name or differ only in case
        arguments("full_name_2 = full_name", "full_name", "x", "full_name_2 = x"),
        arguments("\"FULL_NAME\" = full_name", "full_name", "x", "\"FULL_NAME\" = x"),
        arguments("full_name.other > 0", "full_name", "x", "full_name.other > 0"),
        // qualified references follow
        arguments("customer.full_name is not null", "full_name", "display_name", "customer.display_name is not null"),
        arguments("public.customer.full_name <> ''", "full_name", "display_name", "public.customer.display_name <> ''"),
        // quoted names
        arguments("\"Full Name\" <> ''", "Full Name", "display_name", "display_name <> ''"),
        arguments("\"full_name\" <> ''", "full_name", "display_name", "display_name <> ''"),
        arguments("full_name <> ''", "full_name", "Display Name", "\"Display Name\" <> ''"),
        arguments("lower(full_name)", "full_name", "user", "lower(\"user\")"),
        arguments("full_name > 0", "full_name", "time", "\"time\" > 0"),
        arguments("full_name > 0", "full_name", "a\"b", "\"a\"\"b\" > 0"),
        // every kind of node reaches its column references
        arguments("case qty when 1 then qty else -qty end between qty and qty[1]", "qty", "n",
            "case n when 1 then n else -n end between n and n[1]"),
        arguments("not (qty is distinct from coalesce(qty, 0)) or qty = any (array[qty])", "qty", "n",
            "not n is distinct from coalesce(n, 0) or n = any (array[n])"),
        arguments("extract(year from made) > 2000", "made", "created", "\"extract\"('year', created) > 2000"));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("renames")
  void renamesColumnReferencesOnly(String expression, String from, String to, String expected) {
    String renamed = rename(expression, from, to);
    assertThat(renamed).isEqualTo(expected);
    assertThat(PostgresExpressions.normalize(renamed)).isEqualTo(PostgresExpressions.normalize(expected));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2} and back")
  @MethodSource("renames")
  void renamingBackNormalisesLikeTheOriginal(String expression, String from, String to, String expected) {
    if (expected.equals(expression)) {
      return;
    }
    String back = rename(rename(expression, from, to), to, from);
    assertThat(PostgresExpressions.normalize(back)).isEqualTo(PostgresExpressions.normalize(expression));
  }

  @Test
  void textWithoutTheColumnIsReturnedAsWritten() {
    String spelled = "  Other  >=  0 AND lower(other) <> 'full_name' ";
    assertThat(rename(spelled, "full_name", "display_name")).isSameAs(spelled);
    assertThat(rename("full_name > 0", "full_name", "full_name")).isEqualTo("full_name > 0");
  }

  @Test
  void unparsableTextIsReturnedUnchanged() {
    String subquery = "full_name IN (SELECT x FROM t)";
    assertThat(rename(subquery, "full_name", "display_name")).isSameAs(subquery);
    String unterminated = "full_name = 'x";
    assertThat(rename(unterminated, "full_name", "display_name")).isSameAs(unterminated);
  }

  @Test
  void nullIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> rename(null, "a", "b"));
    assertThatNullPointerException().isThrownBy(() -> rename("a", null, "b"));
    assertThatNullPointerException().isThrownBy(() -> rename("a", "a", null));
  }

  @Test
  void dialectDelegatesToRenameColumn() {
    Dialect dialect = PostgresDialect.INSTANCE;
    assertThat(dialect.renameColumn("status in ('A','B')", "status", "state")).isEqualTo("state in ('A', 'B')");
  }
}
