package dev.autogen.codegen.flyway;

import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.template.SqlTemplates;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The text of Flyway migration files, laid out by the templates {@code flyway-upgrade.sql.mustache}
 * and {@code flyway-downgrade.sql.mustache} (sharing {@code flyway-header.sql.mustache}): a header
 * comment (message, version, creation time in ISO-8601 UTC, generator, risk summary, hazards, and
 * where there are any the relaxations, the relaxations kept stricter and the unmanaged objects; the
 * migration's notes after the risk summary), then the migration's preamble statements (e.g. timeouts),
 * each change's statements under a comment naming the change (a key, constraint or index by the name
 * its SQL gives it, {@link Statement#name()}), then its postamble statements. This class only prepares
 * values; the SQL is the renderer's. Text values (names, messages, expressions) go in as they are:
 * the templates write them through {@link SqlTemplates}' comment escaping, the file's one escaping
 * boundary.
 */
public final class FlywayLayout {

  /** The upgrade file template. */
  public static final String UPGRADE_TEMPLATE = "flyway-upgrade.sql.mustache";
  /** The downgrade (undo) file template. */
  public static final String DOWNGRADE_TEMPLATE = "flyway-downgrade.sql.mustache";

  private final SqlTemplates templates;
  private final FlywayNaming naming;

  /** Uses the templates on the class path. */
  public FlywayLayout() {
    this(new SqlTemplates());
  }

  /** @param templates the template set to render with, never null */
  public FlywayLayout(SqlTemplates templates) {
    this(templates, FlywayNaming.DEFAULT);
  }

  private FlywayLayout(SqlTemplates templates, FlywayNaming naming) {
    this.templates = templates;
    this.naming = naming;
  }

  /**
   * @param projectNaming how the project names its migrations, never null
   * @return this layout naming the files it refers to (the undo file's "Undoes V7 (V7__x.sql)") so
   */
  public FlywayLayout withNaming(FlywayNaming projectNaming) {
    return new FlywayLayout(templates, java.util.Objects.requireNonNull(projectNaming));
  }

  /**
   * @param migration the migration, never null
   * @return the {@code V} file: each change's statements in plan order
   */
  public String upgrade(FlywayMigration migration) {
    List<StatementView> statements = migration.statements().stream()
        .map(s -> new StatementView(comment(s), s.sql()))
        .toList();
    return templates.render(UPGRADE_TEMPLATE, FileView.of(migration, header(migration), statements));
  }

  /**
   * @param migration the migration, never null
   * @return the {@code U} file: each change's reverse statements, last change first
   */
  public String downgrade(FlywayMigration migration) {
    List<StatementView> statements = migration.undoOrder().stream()
        .map(s -> new StatementView(
            ChangeLabels.kindAndTarget(s.change().reverse(), s.name()) + " (undoes " + s.change().kind() + ")",
            s.reverseSql()))
        .toList();
    return templates.render(DOWNGRADE_TEMPLATE, FileView.of(migration, header(migration), statements));
  }

  /** The header template, shared by the upgrade and the undo file. */
  public static final String HEADER_TEMPLATE = "flyway-header.sql.mustache";

  /**
   * The header of the migration's files as plain text, for a layout that writes it elsewhere than in
   * {@code --} comment lines (the Javadoc of a Flyway Java migration): the same lines, rendered by the
   * same template and so through the same escaping ({@link SqlTemplates}: each value one visible line),
   * without the comment markers.
   *
   * @param migration the migration, never null
   * @return the lines, each without a line break
   */
  public List<String> summary(FlywayMigration migration) {
    String text = templates.render(HEADER_TEMPLATE, java.util.Map.of("header", header(migration)));
    return text.lines().map(l -> l.startsWith("-- ") ? l.substring(3) : l.startsWith("--") ? l.substring(2) : l)
        .toList();
  }

  /**
   * The script configuration file (Flyway "Script Configuration", {@code <file>.sql.conf}) a file of
   * this migration needs, from what the migration is and what the file holds:
   *
   * <ul>
   *   <li>{@code executeInTransaction=false} for a migration Flyway must run outside a transaction
   *       ({@link FlywayMigration#transactional()});
   *   <li>{@code placeholderReplacement=false} when the file's text holds Flyway's placeholder prefix
   *       {@code ${} (a name or literal from the catalog such as {@code "${x}"}): Flyway replaces
   *       placeholders anywhere in a script, comments and quoted names included, before it parses it,
   *       and fails on one it has no value for ({@code PlaceholderReplacingReader}); autogen writes no
   *       placeholders, so none of such a file's text is one. The prefix checked is Flyway's default.
   * </ul>
   *
   * @param migration the migration, never null
   * @param fileText the text of its upgrade or undo file ({@link #upgrade}, {@link #downgrade}), never
   *     null
   * @return the configuration file's content, lines ending in a line feed; empty when the file needs
   *     none
   */
  public java.util.Optional<String> scriptConfig(FlywayMigration migration, String fileText) {
    StringBuilder conf = new StringBuilder();
    if (!migration.transactional()) {
      conf.append(FlywayMigration.NON_TRANSACTIONAL_CONF);
    }
    if (fileText.contains(FLYWAY_PLACEHOLDER_PREFIX)) {
      conf.append("placeholderReplacement=false\n");
    }
    return conf.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(conf.toString());
  }

  /** Flyway's default placeholder prefix ({@code flyway.placeholderPrefix}). */
  private static final String FLYWAY_PLACEHOLDER_PREFIX = "${";

  private HeaderView header(FlywayMigration migration) {
    Map<Risk, Integer> summary = migration.plan().summary();
    List<HazardView> hazards = migration.plan().diagnostics().stream()
        .filter(d -> d.risk() != Risk.SAFE)
        .sorted(Comparator.comparing(Diagnostic::risk).reversed())
        .map(d -> new HazardView(d.risk().name(), d.hazard().name(),
            ChangeLabels.describe(d.change(), Statement.of(migration.statements(), d.change()).name()),
            d.message(), d.remedy()))
        .toList();
    MigrationPlan plan = migration.plan();
    List<String> relaxations = migration.statements().stream().filter(s -> plan.isRelaxation(s.change()))
        .map(s -> ChangeLabels.describeWithSides(s.change(), s.name())).toList();
    return new HeaderView(
        migration.message().lines().map(String::stripTrailing).toList(),
        migration.version(),
        naming.prefix() + migration.version(),
        migration.upgradeFileName(naming),
        DateTimeFormatter.ISO_INSTANT.format(migration.createdAt().truncatedTo(ChronoUnit.SECONDS)),
        migration.generatorVersion(),
        migration.notes().stream().flatMap(n -> n.lines()).map(String::stripTrailing).toList(),
        summary.get(Risk.SAFE), summary.get(Risk.CAUTION), summary.get(Risk.DANGEROUS),
        hazards,
        Stream.of(GroupView.of("Relaxations (the database is stricter than the entities; --keep-stricter-database keeps it):",
            relaxations),
        GroupView.of("Kept stricter than the entities (--keep-stricter-database):",
            plan.keptStricter().stream().map(c -> ChangeLabels.describeWithSides(c, null)).toList()),
        GroupView.of("Left alone, only in the database (unmanaged; --drop-unmanaged KIND drops them):",
            plan.unmanaged().stream().map(ChangeLabels::unmanaged).toList()))
            .filter(Objects::nonNull).toList());
  }

  /** @return the comment line above a change's statements: its kind and target, and its worst hazard's codes */
  static String comment(Statement s) {
    String label = ChangeLabels.kindAndTarget(s.change(), s.name());
    if (s.hazards().isEmpty()) {
      return label;
    }
    Risk worst = s.hazards().stream().map(Diagnostic::risk).max(Comparator.naturalOrder()).orElseThrow();
    return label + " (" + worst.label() + ": " + ChangeLabels.codes(s.hazards()) + ")";
  }

  /** Template values: the whole file; the preamble and postamble run before and after the changes. */
  record FileView(HeaderView header, List<String> preamble, boolean hasPreamble, List<StatementView> statements,
      List<String> postamble) {
    static FileView of(FlywayMigration migration, HeaderView header, List<StatementView> statements) {
      return new FileView(header, migration.preamble(), !migration.preamble().isEmpty(), statements,
          migration.postamble());
    }
  }

  /** Template values: the header comment block. */
  record HeaderView(List<String> messageLines, String version, String upgrade, String upgradeFile, String createdAt,
      String generatorVersion, List<String> notes, int safe, int caution, int dangerous, List<HazardView> hazards,
      List<GroupView> groups) {}

  /** Template values: a titled list of lines in the header; {@link #of} gives null for no lines. */
  record GroupView(String title, List<String> lines) {
    static GroupView of(String title, List<String> lines) {
      return lines.isEmpty() ? null : new GroupView(title, lines);
    }
  }

  /** Template values: one hazard line and its remedy. */
  record HazardView(String risk, String code, String change, String message, String remedy) {}

  /** Template values: one change's comment line and its statements. */
  record StatementView(String comment, List<String> sql) {}
}
