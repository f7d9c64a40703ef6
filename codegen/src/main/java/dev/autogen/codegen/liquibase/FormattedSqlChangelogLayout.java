package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.template.SqlTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import liquibase.change.Change;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.precondition.core.SqlPrecondition;

/**
 * Lays out rendered migrations as a Liquibase formatted SQL changelog ({@code -- liquibase formatted sql},
 * Liquibase "Example SQL changelogs"), which Liquibase's serializers cannot write with rollbacks. Mustache
 * lays the file out ({@code templates/liquibase-changelog.sql.mustache}, through {@link SqlTemplates}, the
 * escaping boundary of comment lines); the SQL is the renderer's, unchanged.
 *
 * <ul>
 *   <li>A migration that runs in a transaction is one changeset: its statements as one unsplit SQL text
 *       ({@code splitStatements:false}: Liquibase's splitter knows neither dollar quotes nor PostgreSQL's
 *       standard strings, so it is not used), and its reverse statements, last change first, as {@code
 *       -- rollback} lines.
 *   <li>A migration that must run outside a transaction ({@code runInTransaction:false}, e.g. {@code CREATE
 *       INDEX CONCURRENTLY}) is one changeset per statement, ids {@code <id>.1}, {@code <id>.2}, ...: the
 *       PostgreSQL JDBC driver runs the statements of one SQL text in one implicit transaction (PostgreSQL
 *       "55.2.2.1. Multiple Statements in a Simple Query"), in which such a statement fails. Each
 *       changeset's rollback holds what undoes it (a change's reverse statements on the change's own
 *       changesets, the preamble and postamble on each other's), so that rolling all of them back runs
 *       the reverse statements in order, one per changeset; a changeset left without one has {@code --
 *       rollback empty}.
 *   <li>An online plan's contract step has the preconditions of {@link DropGuards}, as {@code --preconditions}
 *       and {@code --precondition-sql-check} lines.
 *   <li>The comments of every migration (message, notes, hazards) head a new file as {@code --} lines; each
 *       changeset's own comment is its {@code -- comment:} line.
 * </ul>
 *
 * <p>The format has no escaping: a line of a statement that Liquibase would read as its own markup (a
 * {@code -- changeset} line inside a string literal, say) cannot be written. Such a changelog is refused,
 * never written differently, and every changelog is read back with Liquibase's own parser before it is
 * returned; what Liquibase reads must be exactly what was meant (ids, author, transaction mode, SQL and
 * rollback SQL), or it is refused.
 */
public final class FormattedSqlChangelogLayout {

  /** The file extension and {@code --changelog-format} of formatted SQL changelogs. */
  public static final String FORMAT = "sql";

  private static final String TEMPLATE = "liquibase-changelog.sql.mustache";
  private static final String FIRST_LINE = "-- liquibase formatted sql";
  private static final String NO_ROLLBACK = "empty";

  private final String author;
  private final SqlTemplates templates = new SqlTemplates();

  /**
   * @param author the changesets' author, never null or blank
   * @throws IllegalArgumentException when the author is blank, or holds both a colon (which needs the
   *     author quoted) and a double quote (which the format cannot quote)
   */
  public FormattedSqlChangelogLayout(String author) {
    this.author = Objects.requireNonNull(author, "author").strip();
    if (this.author.isEmpty()) {
      throw new IllegalArgumentException("a changeset needs an author");
    }
    if (this.author.contains(":") && this.author.contains("\"")) {
      throw new IllegalArgumentException("a formatted SQL changeset's author cannot hold both : and \" ("
          + this.author + ")");
    }
  }

  /**
   * @param migrations the plan's migrations in order (one, or the steps of an online plan), never empty
   * @return a new changelog file's text, starting with {@code -- liquibase formatted sql}
   * @throws IllegalArgumentException when there is no migration, or a statement holds a line Liquibase
   *     would read as markup, or Liquibase does not read back what was written
   */
  public String changelog(List<FlywayMigration> migrations) {
    return render(migrations, true);
  }

  /**
   * @param migrations the plan's migrations in order, never empty
   * @return the changesets alone, to append to an existing formatted SQL changelog (a master that holds
   *     the whole history): no first line, and no comment lines before the first changeset, which
   *     Liquibase would read as SQL of the changelog's last changeset and so change its checksum
   * @throws IllegalArgumentException as {@link #changelog}
   */
  public String changesets(List<FlywayMigration> migrations) {
    return render(migrations, false);
  }

  /**
   * @param migrations the plan's migrations in order, never empty
   * @return the ids of the changesets {@link #changelog} and {@link #changesets} write, in order
   * @throws IllegalArgumentException as {@link #changelog}
   */
  public List<String> ids(List<FlywayMigration> migrations) {
    return changeSets(migrations).stream().map(SqlChangeSet::id).toList();
  }

  private static List<SqlChangeSet> changeSets(List<FlywayMigration> migrations) {
    if (migrations.isEmpty()) {
      throw new IllegalArgumentException("no migration to write");
    }
    List<SqlChangeSet> changeSets = new ArrayList<>();
    for (int i = 0; i < migrations.size(); i++) {
      changeSets.addAll(changeSets(migrations.get(i), LiquibaseChangelogLayout.id(migrations.get(i), i),
          ChangeSetComments.of(migrations.get(i), i, migrations.size())));
    }
    return changeSets;
  }

  private String render(List<FlywayMigration> migrations, boolean newFile) {
    List<SqlChangeSet> changeSets = changeSets(migrations);
    List<String> header = newFile ? header(migrations) : List.of();
    String quotedAuthor = author.contains(":") ? "\"" + author + "\"" : author;
    String text = templates.render(TEMPLATE, new FileView(newFile, header,
        changeSets.stream().map(c -> c.view(quotedAuthor)).toList()));
    verify(newFile ? text : FIRST_LINE + "\n" + text, changeSets);
    return text;
  }

  /** @return the migration as changesets: one, or one per statement outside a transaction */
  private static List<SqlChangeSet> changeSets(FlywayMigration migration, String id, String comments) {
    String comment = String.join(" / ", comments.lines().filter(l -> !l.isBlank()).toList());
    List<Piece> preamble = pieces(migration.preamble(), "the preamble");
    List<Piece> postamble = pieces(migration.postamble(), "the postamble");
    List<List<Piece>> statements = migration.statements().stream().map(s -> pieces(s.sql(), label(s))).toList();
    List<List<Piece>> reverses = migration.statements().stream()
        .map(s -> pieces(s.reverseSql(), "the undo of " + label(s))).toList();
    List<Piece> forward = new ArrayList<>(preamble);
    statements.forEach(forward::addAll);
    forward.addAll(postamble);
    forward.forEach(FormattedSqlChangelogLayout::requireNoMarkup);
    if (migration.transactional()) {
      List<Piece> reverse = new ArrayList<>(preamble);
      for (int i = reverses.size() - 1; i >= 0; i--) {
        reverse.addAll(reverses.get(i));
      }
      reverse.addAll(postamble);
      List<String> guards = DropGuards.of(migration).stream().map(c -> c.sql()).toList();
      guards.forEach(sql -> {
        if (sql.indexOf('\n') >= 0 || sql.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("the precondition of a drop needs a name without a line break ("
              + sql + ")");
        }
      });
      return List.of(new SqlChangeSet(id, true, comment, forward, reverse, guards));
    }
    if (!DropGuards.of(migration).isEmpty()) {
      throw new IllegalStateException("a contract step runs in a transaction");
    }
    // one changeset per statement; rolling all of them back (last first) must run the preamble, the changes'
    // reverse statements (last change first) and the postamble, one statement per changeset
    List<Piece> reverse = new ArrayList<>(preamble);
    for (int i = reverses.size() - 1; i >= 0; i--) {
      reverse.addAll(reverses.get(i));
    }
    reverse.addAll(postamble);
    List<List<Piece>> rollbacks = new ArrayList<>();
    if (preamble.size() == postamble.size()) {
      rollbacks.addAll(spread(postamble.size(), preamble));
      for (int i = statements.size() - 1; i >= 0; i--) {
        rollbacks.addAll(spread(statements.get(i).size(), reverses.get(i)));
      }
      rollbacks.addAll(spread(preamble.size(), postamble));
    }
    if (rollbacks.size() != forward.size() || rollbacks.contains(null)) {
      rollbacks = spread(forward.size(), reverse);  // not by group: in order over all of them
    }
    java.util.Collections.reverse(rollbacks);
    List<SqlChangeSet> changeSets = new ArrayList<>();
    for (int k = 0; k < forward.size(); k++) {
      changeSets.add(new SqlChangeSet(id + "." + (k + 1), false, comment, List.of(forward.get(k)), rollbacks.get(k),
          List.of()));
    }
    return changeSets;
  }

  /**
   * @param changeSets the number of changesets of a group of statements (the preamble, a change's, the
   *     postamble; or all of them)
   * @param reverse the statements their rollbacks run, in the order they run
   * @return the rollback of each of the group's changesets, in the order they roll back (the group's last
   *     changeset first): one statement each, except that when there are more reverse statements than
   *     changesets the first to roll back runs the surplus with its own, as one SQL text (one implicit
   *     transaction: the reverse of {@code ALTER TYPE ... ADD VALUE} re-creates the type); a single null
   *     element when there are reverse statements but no changeset to hold them
   */
  private static List<List<Piece>> spread(int changeSets, List<Piece> reverse) {
    if (changeSets == 0) {
      return reverse.isEmpty() ? List.of() : java.util.Collections.singletonList(null);
    }
    int surplus = Math.max(reverse.size() - changeSets, 0);
    List<List<Piece>> rollbacks = new ArrayList<>();
    for (int k = 0; k < changeSets; k++) {
      int from = k == 0 ? 0 : k + surplus;
      int to = Math.min(k + surplus + 1, reverse.size());
      rollbacks.add(from < to ? reverse.subList(from, to) : List.of());
    }
    return rollbacks;
  }

  private static List<Piece> pieces(List<String> sql, String of) {
    return sql.stream().map(q -> new Piece(q, of)).toList();
  }

  private static String label(Statement s) {
    return ChangeLabels.kindAndTarget(s.change(), s.name());
  }

  /** @throws IllegalArgumentException when a line of the statement is formatted-SQL markup */
  private static void requireNoMarkup(Piece piece) {
    for (String line : (piece.sql() + ";").split("\n", -1)) {
      if (FormattedSqlReader.isMarkup(line) || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a line of " + piece.of() + " would be read by Liquibase as formatted"
            + " SQL markup (" + line.strip() + ")");
      }
    }
  }

  /** @return the comment lines heading a new file: each migration's, made safe from being read as markup */
  private static List<String> header(List<FlywayMigration> migrations) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < migrations.size(); i++) {
      ChangeSetComments.of(migrations.get(i), i, migrations.size()).lines().filter(l -> !l.isBlank())
          .map(l -> FormattedSqlReader.isMarkup("-- " + l.strip()) ? "| " + l.strip() : l.strip())
          .forEach(lines::add);
    }
    return lines;
  }

  /**
   * Reads the text back with Liquibase's parser and requires exactly the changesets meant.
   *
   * @throws IllegalArgumentException when Liquibase rejects the text or reads something else
   */
  private void verify(String text, List<SqlChangeSet> meant) {
    DatabaseChangeLog read;
    try {
      read = new FormattedSqlReader(text).read("changelog.sql");
    } catch (ChangeLogParseException | RuntimeException e) {
      throw new IllegalArgumentException("Liquibase cannot read the formatted SQL changelog written: " + e.getMessage(), e);
    }
    List<ChangeSet> got = read.getChangeSets();
    if (got.size() != meant.size()) {
      throw new IllegalArgumentException("Liquibase reads " + got.size() + " changesets in the formatted SQL"
          + " changelog written, not " + meant.size());
    }
    for (int i = 0; i < got.size(); i++) {
      String difference = meant.get(i).differenceFrom(got.get(i), author);
      if (difference != null) {
        throw new IllegalArgumentException("Liquibase reads changeset " + meant.get(i).id()
            + " of the formatted SQL changelog written differently: " + difference);
      }
    }
  }

  /** A statement and what it belongs to, for messages. */
  private record Piece(String sql, String of) {}

  /** A changeset to write: its statements, and the reverse statements its rollback runs. */
  private record SqlChangeSet(String id, boolean transactional, String comment, List<Piece> sql, List<Piece> rollback,
      List<String> guards) {

    ChangeSetView view(String quotedAuthor) {
      return new ChangeSetView(quotedAuthor, id, transactional, comment, !guards.isEmpty(), DropGuards.ON_FAIL.name(),
          DropGuards.EXPECTED, guards, sql.stream().map(Piece::sql).toList(), rollbackLines());
    }

    /** @return the lines after {@code -- rollback }: the reverse statements, each ended by {@code ;} */
    private List<String> rollbackLines() {
      if (rollback.isEmpty()) {
        return List.of(NO_ROLLBACK);
      }
      return List.of(rollbackText().split("\n", -1));
    }

    private String rollbackText() {
      return String.join("\n", rollback.stream().map(p -> p.sql() + ";").toList());
    }

    /** @return what Liquibase read differently, or null when it read this changeset */
    String differenceFrom(ChangeSet read, String author) {
      if (!id.equals(read.getId()) || !author.equals(read.getAuthor())) {
        return "id and author " + read.getAuthor() + ":" + read.getId();
      }
      if (read.isRunInTransaction() != transactional || read.isRunOnChange() || read.isAlwaysRun()
          || !read.getLabels().isEmpty() || (read.getContextFilter() != null && !read.getContextFilter().isEmpty())
          || !read.getDbmsSet().equals(java.util.Set.of("postgresql"))) {
        return "the changeset's attributes";
      }
      if (read.getChanges().size() != 1 || !(read.getChanges().get(0) instanceof RawSQLChange change)
          || !Boolean.FALSE.equals(change.isSplitStatements()) || !Boolean.FALSE.equals(change.isStripComments())
          || !normalized(change.getSql()).equals(normalized(String.join("\n",
              sql.stream().map(p -> p.sql() + ";").toList())))) {
        return "its SQL";
      }
      List<String> readGuards = read.getPreconditions() == null ? List.of()
          : read.getPreconditions().getNestedPreconditions().stream()
              .map(p -> p instanceof SqlPrecondition c && DropGuards.EXPECTED.equals(c.getExpectedResult())
                  ? c.getSql().strip() : "?").toList();
      if (!readGuards.equals(guards) || (!guards.isEmpty() && read.getPreconditions().getOnFail() != DropGuards.ON_FAIL)) {
        return "its preconditions";
      }
      List<Change> rollbackChanges = read.getRollback().getChanges();
      boolean rollbackRead = rollback.isEmpty()
          ? rollbackChanges.size() == 1 && rollbackChanges.get(0) instanceof EmptyChange
          : rollbackChanges.size() == 1 && rollbackChanges.get(0) instanceof RawSQLChange r
              && Boolean.FALSE.equals(r.isSplitStatements())
              && normalized(r.getSql()).equals(normalized(rollbackText()));
      return rollbackRead ? null : "its rollback";
    }

    private static String normalized(String sql) {
      return sql == null ? "" : sql.replace(System.lineSeparator(), "\n").strip();
    }
  }

  /** Template values: the file. */
  record FileView(boolean first, List<String> header, List<ChangeSetView> changeSets) {}

  /** Template values: one changeset. */
  record ChangeSetView(String author, String id, boolean transactional, String comment, boolean guarded,
      String onFail, String expected, List<String> guards, List<String> sql, List<String> rollback) {}
}
