package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import dev.autogen.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class discovery and input errors, on classes compiled at test time into directories and jars that
 * only the reader's class loader sees.
 */
class ClassPathTest {

  private static final String WIDGET = """
      package com.example.app;
      @jakarta.persistence.Entity
      public class Widget {
        @jakarta.persistence.Id Long id;
        String label;
      }
      """;
  private static final String HELPER = """
      package com.example.app;
      public class Helper extends HelperBase {}
      """;
  private static final String HELPER_BASE = """
      package com.example.app;
      public class HelperBase {}
      """;
  private static final String GADGET = """
      package com.example.app.more;
      @jakarta.persistence.Entity
      public class Gadget extends GadgetBase {
        @jakarta.persistence.Id Long id;
      }
      """;
  private static final String GADGET_BASE = """
      package com.example.app.more;
      public class GadgetBase {}
      """;
  private static final String OTHER = """
      package com.example.other;
      @jakarta.persistence.Entity
      public class Other {
        @jakarta.persistence.Id Long id;
      }
      """;

  @TempDir
  Path dir;

  private Path compile(Map<String, String> sources) throws IOException {
    return RuntimeCompiler.compile(sources, Files.createDirectories(dir.resolve("classes")));
  }

  private static Catalog read(List<Path> classpath, List<String> packages) {
    return new HibernateEntityReader(new EntityModelOptions(classpath, packages, null, null)).read();
  }

  private static List<String> tableNames(Catalog catalog) {
    return catalog.schema("public").orElseThrow().tables().stream().map(Table::name).toList();
  }

  @Test
  void readsEntitiesFromAJarWithinPackagesAndSubpackages() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET, "com.example.app.more.Gadget", GADGET,
        "com.example.app.more.GadgetBase", GADGET_BASE, "com.example.other.Other", OTHER));
    Path jar = RuntimeCompiler.jar(classes, dir.resolve("app.jar"));

    assertThat(tableNames(read(List.of(jar), List.of("com.example.app")))).containsExactly("gadget", "widget");
    assertThat(tableNames(read(List.of(jar), List.of()))).containsExactly("gadget", "other", "widget");
    assertThat(read(List.of(jar), List.of("com.example.app"))).isEqualTo(read(List.of(classes), List.of("com.example.app")));
  }

  @Test
  void skipsANonEntityClassWhoseDependencyIsMissing() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET, "com.example.app.Helper", HELPER,
        "com.example.app.HelperBase", HELPER_BASE));
    Files.delete(classes.resolve("com/example/app/HelperBase.class"));

    Catalog catalog = read(List.of(classes), List.of());
    assertThat(tableNames(catalog)).containsExactly("widget");
    assertThat(catalog.table(new QualifiedName("public", "widget")).orElseThrow().column("label")).isPresent();
  }

  @Test
  void anEntityWhoseDependencyIsMissingIsAnInputError() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET, "com.example.app.more.Gadget", GADGET,
        "com.example.app.more.GadgetBase", GADGET_BASE));
    Files.delete(classes.resolve("com/example/app/more/GadgetBase.class"));

    assertThatThrownBy(() -> read(List.of(classes), List.of()))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("entity class com.example.app.more.Gadget cannot be loaded (NoClassDefFoundError:"
            + " com/example/app/more/GadgetBase): add the jars it depends on to --classpath");
  }

  /** A truncated class file is an error whatever the class: it could be an entity (issue 9, #2). */
  @Test
  void aDamagedClassFileIsAnInputErrorEvenWhenItsAnnotationsAreCutOff() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET, "com.example.app.Helper", HELPER,
        "com.example.app.HelperBase", HELPER_BASE));
    for (String name : List.of("Widget", "Helper")) {
      Path file = classes.resolve("com/example/app/" + name + ".class");
      byte[] whole = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(whole, 40));

      assertThatThrownBy(() -> read(List.of(classes), List.of()))
          .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
          .hasMessage("class com.example.app." + name + " cannot be read: its class file is damaged"
              + " (ClassFormatError: Truncated class file): rebuild the project");
      Files.write(file, whole);
    }
  }

  /** A class the mapping refers to, missing, names itself and its referrer (issue 9, #2). */
  @Test
  void aMissingClassTheMappingRefersToIsAnInputErrorNamingIt() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", """
        package com.example.app;
        @jakarta.persistence.Entity
        public class Widget {
          @jakarta.persistence.Id Long id;
          @jakarta.persistence.Embedded Part part;
        }
        """, "com.example.app.Part", """
        package com.example.app;
        @jakarta.persistence.Embeddable
        public class Part { String label; }
        """));
    Files.delete(classes.resolve("com/example/app/Part.class"));

    assertThatThrownBy(() -> read(List.of(classes), List.of()))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("class com.example.app.Part, which com.example.app.Widget refers to, cannot be loaded"
            + " (NoClassDefFoundError: com/example/app/Part): add the jar or directory that holds it to --classpath");
  }

  @Test
  void aMissingEntryIsAnInputError() {
    Path missing = dir.resolve("no-such.jar");
    assertThatThrownBy(() -> read(List.of(TestEntities.directory(), missing), List.of()))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("classpath entry does not exist: " + missing + ": pass existing directories or jars with --classpath");
  }

  @Test
  void aFileThatIsNoJarIsAnInputError() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "not a jar");
    assertThatThrownBy(() -> read(List.of(notes), List.of()))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("classpath entry " + notes + " is neither a directory nor a readable jar: pass directories or jars with --classpath");
  }

  @Test
  void noEntitiesIsAnInputErrorThatNamesEntriesAndPackages() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET));
    assertThatThrownBy(() -> read(List.of(classes), List.of("com.example.nothing", "org.example")))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("no @Entity classes found in " + classes + " within packages com.example.nothing, org.example:"
            + " pass the directory or jar that holds the compiled entities with --classpath");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> read(List.of(empty), List.of()))
        .hasMessage("no @Entity classes found in " + empty
            + ": pass the directory or jar that holds the compiled entities with --classpath, or name the packages of"
            + " entities in a jar with --packages");
  }

  /**
   * Without packages, the application's own classes are read, not its dependencies' (issue 10 #4): the
   * class path's directories, or its first entry when it has only jars, or the application entries
   * named, which join the class path when not on it.
   */
  @Test
  void withoutPackagesTheApplicationsOwnEntriesAreScanned() throws IOException {
    Path classes = compile(Map.of("com.example.app.Widget", WIDGET));
    Path library = RuntimeCompiler.jar(RuntimeCompiler.compile(Map.of("com.example.other.Other", OTHER),
        Files.createDirectories(dir.resolve("library"))), dir.resolve("library.jar"));
    Path application = RuntimeCompiler.jar(classes, dir.resolve("application.jar"));

    assertThat(tableNames(read(List.of(classes, library), List.of()))).as("the directory, not the jar")
        .containsExactly("widget");
    assertThat(tableNames(read(List.of(classes, library), List.of("com.example")))).containsExactly("other", "widget");
    assertThat(tableNames(read(List.of(application, library), List.of()))).as("jars only: the first")
        .containsExactly("widget");
    EntityModelOptions named = new EntityModelOptions(List.of(classes), null, null, null)
        .withSelection(List.of(library), null, null, false);
    assertThat(named.classpath()).containsExactly(classes, library);
    assertThat(tableNames(new HibernateEntityReader(named).read())).containsExactly("other");
    EntityModelOptions listed = new EntityModelOptions(List.of(classes, library), null, null, null)
        .withSelection(null, List.of("com.example.other.Other"), null, true);
    assertThat(tableNames(new HibernateEntityReader(listed).read())).as("listed only").containsExactly("other");
  }

  @Test
  void javaxEntitiesAreNamedInTheError() throws IOException {
    Path classes = compile(Map.of(
        "javax.persistence.Entity", """
            package javax.persistence;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface Entity {}
            """,
        "com.example.legacy.OldEntity", """
            package com.example.legacy;
            @javax.persistence.Entity
            public class OldEntity {}
            """));
    assertThatThrownBy(() -> read(List.of(classes), List.of("com.example.legacy")))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessageEndingWith(": com.example.legacy.OldEntity uses javax.persistence, which Hibernate 7 does not read:"
            + " migrate the entities to jakarta.persistence");
  }

  @Test
  void anInvalidMappingIsAnInputErrorOnOneLine() {
    assertThatThrownBy(() -> read(List.of(TestEntities.directory()), List.of("dev.autogen.metadata.broken")))
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
        .hasMessage("entity mapping error: Collection 'dev.autogen.metadata.broken.Basket.items' is 'mappedBy' a property"
            + " named 'noSuchAttribute' which does not exist in the target entity 'dev.autogen.metadata.broken.BasketItem'");
  }
}
