package dev.autogen.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.TableFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

  private static TableFilter filter(List<String> include, List<String> exclude) {
    return new IntrospectOptions(List.of(), include, exclude).tableFilter();
  }

  @Test
  void noPatternsAcceptEveryTableButTheMigrationToolsOwn() {
    TableFilter all = IntrospectOptions.defaults().tableFilter();

    assertThat(all.accepts("public", "orders")).isTrue();
    assertThat(all.accepts("public", "flyway_schema_history")).isFalse();
    assertThat(all.accepts("app", "databasechangelog")).isFalse();
    assertThat(all.accepts("app", "databasechangeloglock")).isFalse();
    assertThat(filter(List.of("*"), List.of()).accepts("x", "flyway_schema_history")).isFalse();
  }

  @Test
  void starMatchesAnyRunAndQuestionMarkExactlyOneCharacter() {
    TableFilter f = filter(List.of("order_*", "line?"), List.of());

    assertThat(f.accepts("public", "order_")).isTrue();
    assertThat(f.accepts("public", "order_item")).isTrue();
    assertThat(f.accepts("public", "orders")).isFalse();
    assertThat(f.accepts("public", "line1")).isTrue();
    assertThat(f.accepts("public", "line")).isFalse();
    assertThat(f.accepts("public", "line12")).isFalse();
  }

  @Test
  void everyOtherCharacterMatchesItselfCaseSensitively() {
    TableFilter f = filter(List.of("Order+Item$", "a\\[b\\]"), List.of());

    assertThat(f.accepts("public", "Order+Item$")).isTrue();
    assertThat(f.accepts("public", "OrderrItem$")).isFalse();
    assertThat(f.accepts("public", "order+item$")).isFalse();
    assertThat(f.accepts("public", "a[b]")).isTrue();
    assertThat(f.accepts("public", "ab")).isFalse();
  }

  @Test
  void bracketsMatchOneCharacterOfAClassOrRange() {
    TableFilter f = filter(List.of("t[abc]", "r[0-9]", "n[!x]"), List.of());

    assertThat(f.accepts("public", "ta")).isTrue();
    assertThat(f.accepts("public", "td")).isFalse();
    assertThat(f.accepts("public", "r7")).isTrue();
    assertThat(f.accepts("public", "rx")).isFalse();
    assertThat(f.accepts("public", "ny")).isTrue();
    assertThat(f.accepts("public", "nx")).isFalse();
  }

  @Test
  void anInvalidGlobIsRejectedWithItsReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter(List.of("[abc"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'[abc'").hasMessageContaining("never closed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter(List.of(), List.of("x\\")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter(List.of("[z-a]"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
  }

  @Test
  void aDottedPatternIsSchemaQualifiedAnUndottedOneMatchesEverySchema() {
    TableFilter f = filter(List.of("app.order_*", "audit"), List.of());

    assertThat(f.accepts("app", "order_line")).isTrue();
    assertThat(f.accepts("public", "order_line")).isFalse();
    assertThat(f.accepts("app", "audit")).isTrue();
    assertThat(f.accepts("public", "audit")).isTrue();
    assertThat(filter(List.of("a*.t"), List.of()).accepts("app", "t")).isTrue();
  }

  @Test
  void exclusionWinsOverInclusion() {
    TableFilter f = filter(List.of("order_*"), List.of("*_archive", "app.order_tmp"));

    assertThat(f.accepts("public", "order_line")).isTrue();
    assertThat(f.accepts("public", "order_archive")).isFalse();
    assertThat(f.accepts("app", "order_tmp")).isFalse();
    assertThat(f.accepts("public", "order_tmp")).isTrue();
    assertThat(filter(List.of(), List.of("secret")).accepts("public", "secret")).isFalse();
  }

  @Test
  void optionsDefaultToPublicAndDropDuplicateSchemas() {
    assertThat(IntrospectOptions.defaults().effectiveSchemas()).containsExactly("public");
    assertThat(new IntrospectOptions(null, null, null).effectiveSchemas()).containsExactly("public");
    assertThat(new IntrospectOptions(List.of("b", "a", "b"), List.of(), List.of()).effectiveSchemas())
        .containsExactly("b", "a");
  }
}
