package dev.autogen.codegen.flyway;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.text.JavaText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * The source of a Flyway Java migration ({@code V<version>__<slug>.java}), laid out with JavaPoet: a class extending
 * Flyway's {@code BaseJavaMigration} that runs the renderer's statements, each through JDBC ({@code
 * Statement.execute}) in the order the SQL layout ({@link FlywayLayout}) writes them, under the same
 * comments, with the same header ({@link FlywayLayout#summary}) as its Javadoc. This class only lays
 * out: every statement is the renderer's, passed to JavaPoet as a string literal ({@code $S}, which
 * escapes it), and every other text (header lines, change labels) enters the source through {@link
 * JavaText}, the one escaping boundary of Java comments.
 *
 * <p>How it runs:
 *
 * <ul>
 *   <li>a transactional migration without backfills runs in Flyway's transaction, as its SQL file would;
 *   <li>a non-transactional migration ({@link FlywayMigration#transactional()} false: the online steps
 *       of {@code --online}, or statements split off a step) says so with {@code
 *       canExecuteInTransaction()} returning false, and runs each statement on its own (its {@code
 *       begin}/{@code commit} statements included);
 *   <li>a statement that fills a column in batches ({@link Statement#batches()}: the online plan's
 *       backfill loop, or {@code --fill}'s {@code UPDATE} of every row without {@code --online}) becomes
 *       a loop in Java: the renderer's {@code UPDATE} of one batch, committed, until it updates no row,
 *       printing the rows filled so far after each batch. A migration with such a loop runs outside
 *       Flyway's transaction, and the statements of a transactional migration before and after the loop
 *       run in transactions of their own, each committed before the next batch loop starts. A failure
 *       then leaves what was committed before it, as a failed non-transactional SQL migration does.
 * </ul>
 *
 * <p>Flyway derives a Java migration's version and description from its class name ({@code
 * BaseJavaMigration}: prefix {@code V} or {@code U}, version parts separated by {@code _}, {@code __},
 * description words separated by {@code _}), whatever SQL naming the project configures; a version
 * {@code 1.2} is so the class {@code V1_2__slug}.
 *
 * <p>There is no undo class: Flyway's community edition accepts only the prefixes {@code V} and {@code
 * R} in a Java migration's class name ({@code BaseJavaMigration} throws "Invalid Java-based migration
 * class name" for any other), and it loads every migration class of its locations on each migrate, so a
 * {@code U} class beside the migration would make every migrate of a community-edition application
 * fail.
 */
public final class FlywayJavaLayout {

  /** Flyway's base class of Java migrations. */
  static final ClassName BASE_JAVA_MIGRATION = ClassName.get("org.flywaydb.core.api.migration", "BaseJavaMigration");
  /** Flyway's migration context. */
  static final ClassName CONTEXT = ClassName.get("org.flywaydb.core.api.migration", "Context");
  private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
  private static final ClassName JDBC_STATEMENT = ClassName.get("java.sql", "Statement");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

  /** The default package of Java migrations: Flyway's default location {@code db/migration}. */
  public static final String DEFAULT_PACKAGE = "db.migration";

  private final String packageName;
  private final FlywayLayout headers;

  /**
   * @param packageName the package of the migrations, e.g. {@value #DEFAULT_PACKAGE}, never null
   * @throws IllegalArgumentException when it is not a Java package name (dot-separated identifiers, no
   *     keyword)
   */
  public FlywayJavaLayout(String packageName) {
    this(packageName, new FlywayLayout());
  }

  private FlywayJavaLayout(String packageName, FlywayLayout headers) {
    if (!isPackageName(packageName)) {
      throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
    }
    this.packageName = packageName;
    this.headers = headers;
  }

  /**
   * @param name a candidate package name, never null
   * @return whether it is a Java package name: identifiers separated by dots, none a keyword
   */
  public static boolean isPackageName(String name) {
    return !name.isEmpty() && SourceVersion.isName(name);
  }

  /** @return the package the migrations are in */
  public String packageName() {
    return packageName;
  }

  /**
   * @param kind {@code V} for a versioned migration
   * @param migration the migration, never null
   * @return the class name Flyway reads the version and description from, e.g. {@code V1_2__add_bio}
   */
  public static String className(char kind, FlywayMigration migration) {
    return kind + migration.version().replace('.', '_') + "__" + migration.slug();
  }

  /**
   * @param migration the migration, never null
   * @return the versioned migration: each change's statements in plan order
   */
  public JavaFile upgrade(FlywayMigration migration) {
    List<Step> steps = new ArrayList<>();
    for (Statement s : migration.statements()) {
      steps.add(Step.comment(FlywayLayout.comment(s)));
      if (s.sql().isEmpty()) {
        steps.add(Step.comment("(nothing to run)"));
      }
      for (String sql : s.sql()) {
        String batch = s.batches().get(sql);
        steps.add(batch == null ? Step.sql(sql) : Step.batches(batch, ChangeLabels.kindAndTarget(s.change(), s.name())));
      }
    }
    // the notes of a non-transactional migration say how Flyway is told: here by canExecuteInTransaction()
    List<String> javadoc = headers.summary(migration).stream()
        .map(l -> l.replace(OnlineFlywayMigrations.HOW_NON_TRANSACTIONAL, "canExecuteInTransaction() returns false"))
        .toList();
    return file(className('V', migration), javadoc, migration, steps);
  }

  private JavaFile file(String className, List<String> javadoc, FlywayMigration migration, List<Step> steps) {
    boolean batched = steps.stream().anyMatch(s -> s.batch() != null);
    boolean flywayTransaction = migration.transactional() && !batched;
    // a transactional migration with a batch loop: the statements around each loop in transactions of their own
    boolean ownTransactions = migration.transactional() && batched;
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T connection = context.getConnection()", CONNECTION)
        .beginControlFlow("try ($T statement = connection.createStatement())", JDBC_STATEMENT);
    List<Step> group = new ArrayList<>();
    if (!ownTransactions) {
      migration.preamble().forEach(sql -> body.addStatement("statement.execute($L)", text(sql)));
    }
    for (Step step : steps) {
      if (ownTransactions && step.batch() == null) {
        group.add(step);
      } else if (step.comment() != null) {
        body.add("// $L\n", JavaText.lineComment(step.comment()));
      } else if (step.batch() != null) {
        if (ownTransactions) {
          flushGroup(body, group, migration);
        }
        body.addStatement("fillInBatches(connection, statement, $L, $S)", text(step.batch()), step.label());
      } else {
        body.addStatement("statement.execute($L)", text(step.sql()));
      }
    }
    if (ownTransactions) {
      flushGroup(body, group, migration);
    } else {
      migration.postamble().forEach(sql -> body.addStatement("statement.execute($L)", text(sql)));
    }
    body.endControlFlow();
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC)
        .superclass(BASE_JAVA_MIGRATION)
        .addJavadoc("<pre>\n$L\n</pre>\n", JavaText.javadoc(String.join("\n", javadoc)));
    if (!flywayTransaction) {
      type.addMethod(MethodSpec.methodBuilder("canExecuteInTransaction")
          .addJavadoc("$L\n", batched
              ? "@return false: each backfill batch commits on its own, so that it holds its row locks only until"
                  + " its commit"
              : "@return false: these statements run outside a transaction, each committing on its own")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(boolean.class)
          .addStatement("return false")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("migrate")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CONTEXT, "context")
        .addException(SQL_EXCEPTION)
        .addCode(body.build())
        .build());
    if (batched) {
      type.addMethod(fillInBatches());
    }
    if (ownTransactions) {
      type.addMethod(inTransaction());
    }
    return JavaFile.builder(packageName, type.build())
        .addFileComment("$L", JavaText.lineComment("Generated by autogen " + migration.generatorVersion()
            + "; Flyway reads its version and description from the class name."))
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  /**
   * Writes the statements gathered since the last batch loop as one transaction of their own ({@code
   * inTransaction(...)}, the preamble and postamble around them), the comments of their changes among
   * the arguments; comments after the last statement (those of the change whose batch loop comes next)
   * follow the call.
   */
  private static void flushGroup(CodeBlock.Builder body, List<Step> group, FlywayMigration migration) {
    int lastSql = -1;
    for (int i = 0; i < group.size(); i++) {
      if (group.get(i).sql() != null) {
        lastSql = i;
      }
    }
    if (lastSql >= 0) {
      List<Step> all = new ArrayList<>();
      migration.preamble().forEach(sql -> all.add(Step.sql(sql)));
      all.addAll(group.subList(0, lastSql + 1));
      migration.postamble().forEach(sql -> all.add(Step.sql(sql)));
      body.add("inTransaction(connection, statement$>$>");
      List<String> comments = new ArrayList<>();
      for (Step step : all) {
        if (step.comment() != null) {
          comments.add(step.comment());
        } else {
          // the comma before the comments, which would otherwise swallow it
          body.add(",");
          comments.forEach(c -> body.add("\n// $L", JavaText.lineComment(c)));
          comments.clear();
          body.add("\n$L", text(step.sql()));
        }
      }
      body.add(");\n$<$<");
    }
    group.subList(lastSql + 1, group.size())
        .forEach(step -> body.add("// $L\n", JavaText.lineComment(step.comment())));
    group.clear();
  }

  private static MethodSpec fillInBatches() {
    return MethodSpec.methodBuilder("fillInBatches")
        .addJavadoc("$L\n", String.join("\n",
            "Runs the UPDATE of one batch again and again until it updates no row, committing after each batch,",
            "and prints the rows filled so far.",
            "",
            "@param connection the migration's connection",
            "@param statement a statement of it",
            "@param batch the UPDATE of one batch",
            "@param label what is filled, for the progress lines",
            "@throws SQLException when a batch fails; the batches before it stay committed"))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(CONNECTION, "connection")
        .addParameter(JDBC_STATEMENT, "statement")
        .addParameter(String.class, "batch")
        .addParameter(String.class, "label")
        .addException(SQL_EXCEPTION)
        .addStatement("long filled = 0")
        .addStatement("int batches = 0")
        .beginControlFlow("while (true)")
        .addStatement("int rows = statement.executeUpdate(batch)")
        .beginControlFlow("if (!connection.getAutoCommit())")
        .addStatement("connection.commit()")
        .endControlFlow()
        .beginControlFlow("if (rows == 0)")
        .addStatement("break")
        .endControlFlow()
        .addStatement("filled += rows")
        .addStatement("batches++")
        .addStatement("$T.out.println($S + label + $S + filled + $S + batches + (batches == 1 ? $S : $S))",
            System.class, "autogen backfill, ", ": ", " rows filled, committed in ", " batch", " batches")
        .endControlFlow()
        .build();
  }

  private static MethodSpec inTransaction() {
    return MethodSpec.methodBuilder("inTransaction")
        .addJavadoc("$L\n", String.join("\n",
            "Runs statements in one transaction of their own, committed at the end, rolled back on failure.",
            "",
            "@param connection the migration's connection",
            "@param statement a statement of it",
            "@param sql the statements",
            "@throws SQLException when one fails"))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(CONNECTION, "connection")
        .addParameter(JDBC_STATEMENT, "statement")
        .addParameter(String[].class, "sql")
        .varargs(true)
        .addException(SQL_EXCEPTION)
        .addStatement("boolean autoCommit = connection.getAutoCommit()")
        .addStatement("connection.setAutoCommit(false)")
        .beginControlFlow("try")
        .beginControlFlow("for (String s : sql)")
        .addStatement("statement.execute(s)")
        .endControlFlow()
        .addStatement("connection.commit()")
        .nextControlFlow("catch ($T e)", SQL_EXCEPTION)
        .addStatement("connection.rollback()")
        .addStatement("throw e")
        .nextControlFlow("finally")
        .addStatement("connection.setAutoCommit(autoCommit)")
        .endControlFlow()
        .build();
  }

  /**
   * One line of the migration's body: a comment, a statement, or a batch loop.
   *
   * @param comment the comment text, or null
   * @param sql the statement, or null
   * @param batch the UPDATE of one batch, or null
   * @param label what a batch loop fills, or null
   */
  private record Step(String comment, String sql, String batch, String label) {
    static Step comment(String text) {
      return new Step(Objects.requireNonNull(text), null, null, null);
    }

    static Step sql(String sql) {
      return new Step(null, Objects.requireNonNull(sql), null, null);
    }

    static Step batches(String batch, String label) {
      return new Step(null, null, Objects.requireNonNull(batch), label);
    }
  }

  /** Characters per string literal: at most 3 bytes each in the class file's modified UTF-8, within 65,535. */
  static final int LITERAL_CHARS = 16_000;

  /**
   * @param sql a statement, never null
   * @return a Java expression of its text: a string literal ({@code $S}, JavaPoet's escaping), or for a
   *     statement too long for one constant (a class file holds at most 65,535 bytes of a string constant,
   *     JVMS 4.4.7, which the compiler folds concatenated literals into) {@code String.join("", ...)} of
   *     literals, never split inside a surrogate pair
   */
  static CodeBlock text(String sql) {
    if (sql.length() <= LITERAL_CHARS) {
      return CodeBlock.of("$S", sql);
    }
    List<CodeBlock> parts = new ArrayList<>();
    int start = 0;
    while (start < sql.length()) {
      int end = Math.min(start + LITERAL_CHARS, sql.length());
      if (end < sql.length() && Character.isHighSurrogate(sql.charAt(end - 1))) {
        end--;
      }
      parts.add(CodeBlock.of("$S", sql.substring(start, end)));
      start = end;
    }
    return CodeBlock.of("String.join(\"\", $L)", CodeBlock.join(parts, ",\n"));
  }
}
