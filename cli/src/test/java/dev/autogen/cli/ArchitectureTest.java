package dev.autogen.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md ("Modules"), enforced on the production classes of every module.
 * Rules are checked from plain test methods: Surefire 3.5.3 silently skips {@code @ArchTest} fields.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.autogen");
  }

  @Test
  void modelUsesNothingThirdParty() {
    noClasses()
        .that().resideInAPackage("dev.autogen.model..")
        .should().dependOnClassesThat().resideOutsideOfPackages("dev.autogen.model..", "java..").check(classes);
  }

  @Test
  void diffIsPure() {
    // an allow-list: the diff engine sees the model, the JDK and Commons Text (rename similarity) only
    noClasses()
        .that().resideInAPackage("dev.autogen.diff..")
        .should().dependOnClassesThat().resideOutsideOfPackages(
            "java..", "dev.autogen.model..", "dev.autogen.diff..", "org.apache.commons.text..")
        .check(classes);
  }

  @Test
  void introspectDoesNotKnowMetadata() {
    noClasses()
        .that().resideInAPackage("dev.autogen.introspect..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.autogen.metadata..", "dev.autogen.diff..", "dev.autogen.codegen..", "dev.autogen.cli..",
            "org.hibernate..").check(classes);
  }

  @Test
  void metadataDoesNotKnowIntrospect() {
    noClasses()
        .that().resideInAPackage("dev.autogen.metadata..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.autogen.introspect..", "dev.autogen.diff..", "dev.autogen.codegen..", "dev.autogen.cli..",
            "schemacrawler..", "us.fatehi..", "java.sql..").check(classes);
  }

  @Test
  void codegenOnlyRenders() {
    noClasses()
        .that().resideInAPackage("dev.autogen.codegen..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.autogen.introspect..", "dev.autogen.metadata..", "dev.autogen.cli..", "java.sql..",
            "org.hibernate..", "schemacrawler..").check(classes);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that().resideOutsideOfPackage("dev.autogen.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.autogen.cli..").check(classes);
  }

  @Test
  void productionCodeNeverCompilesAgainstFixtures() {
    noClasses()
        .that().resideOutsideOfPackage("dev.autogen.fixtures..")
        .should().dependOnClassesThat().resideInAPackage("dev.autogen.fixtures..").check(classes);
  }
}
