package dev.autogen.codegen.report;

import dev.autogen.codegen.ChangeFacts;
import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.diff.UnmanagedObject;
import dev.autogen.model.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The pull-request report ({@code autogen diff --format markdown}): GitHub-flavoured Markdown a
 * reviewer reads in a PR comment. In order:
 *
 * <ol>
 *   <li>a title and a one-line verdict ({@code **2 dangerous**, 1 caution, 5 safe — review before
 *       merging}), or {@link TextReport#NO_CHANGES} for an empty plan;
 *   <li>a table of changes per risk with their hazard codes, then a table of the changes in plan
 *       order (number, risk, change, object, hazards);
 *   <li>the hazards, per change (numbered as in the table): code, message, remedy, and what the
 *       live data showed ({@link Diagnostic#figures()});
 *   <li>relaxations, columns kept stricter, unmanaged objects, each a section when there are any;
 *   <li>a Mermaid ER diagram of the touched tables ({@link ErDiagram}, at most {@link #MAX_DIAGRAM_TABLES});
 *   <li>the upgrade SQL and the downgrade SQL, each folded in a {@code <details>} block.
 * </ol>
 *
 * Every name, message and SQL text is escaped ({@link MarkdownText}, {@link MermaidText}): a
 * hostile identifier (pipes, backticks, quotes, line breaks, HTML, Mermaid keywords) shows as itself
 * and never breaks a table, a code span or the diagram. Risks read as an emoji and a word, so the
 * plain text reads as well as the rendered page.
 */
public final class MarkdownReport {

  /** The suffix of figures that are percentages (rename scores and signals), not counts. */
  private static final String PERCENT = "_percent";

  /** The title line. */
  public static final String TITLE = "## autogen: schema changes";

  /** The most touched tables the ER diagram draws; a larger plan draws the first ones by name and says so. */
  public static final int MAX_DIAGRAM_TABLES = 30;

  private static final Risk[] WORST_FIRST = {Risk.DANGEROUS, Risk.CAUTION, Risk.SAFE};

  /** Creates the report writer; it holds no state. */
  public MarkdownReport() {}

  /**
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @param current the catalog the plan was computed from (the database), never null; the diagram
   *     takes dropped tables' foreign keys and untouched referenced tables from it
   * @param target the catalog the plan leads to (the entities), never null; the diagram takes the
   *     touched tables' columns and keys from it. Either catalog may be empty: the diagram then shows
   *     what the changes themselves carry
   * @return the report, lines ending in {@code \n}
   * @throws IllegalArgumentException when the statements are not one per change of the plan
   * @throws NullPointerException when an argument is null
   */
  public String render(MigrationPlan plan, List<Statement> statements, Catalog current, Catalog target) {
    Statement.requireRendering(plan, statements);
    StringBuilder out = new StringBuilder(TITLE).append("\n\n");
    if (plan.isEmpty()) {
      out.append(TextReport.NO_CHANGES).append("\n\n");
      appendLeftAlone(out, plan);
      return out.toString();
    }
    out.append(verdict(plan.summary())).append("\n\n");
    appendSummary(out, plan, statements);
    appendChanges(out, plan, statements);
    appendHazards(out, plan, statements);
    appendList(out, "Relaxations",
        "The database is stricter than the entities; these changes loosen it "
            + "(`--keep-stricter-database` keeps the database as it is).",
        numbered(statements).stream().filter(n -> plan.isRelaxation(n.statement().change()))
            .map(n -> change(n.statement().change(), n.statement().name()) + " (#" + n.number() + ")").toList());
    appendLeftAlone(out, plan);
    appendDiagram(out, new ErDiagram(plan, current, target, MAX_DIAGRAM_TABLES));
    appendSql(out, "Upgrade SQL", statements.size(), i -> statements.get(i), false);
    appendSql(out, "Downgrade SQL", statements.size(), i -> statements.get(statements.size() - 1 - i), true);
    return out.toString();
  }

  /** A statement with its number in plan order, from 1. */
  private record Numbered(int number, Statement statement) {}

  private static List<Numbered> numbered(List<Statement> statements) {
    List<Numbered> numbered = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      numbered.add(new Numbered(i + 1, statements.get(i)));
    }
    return numbered;
  }

  /** E.g. {@code **2 dangerous**, 1 caution, 5 safe — review before merging}. */
  static String verdict(Map<Risk, Integer> summary) {
    int dangerous = summary.get(Risk.DANGEROUS);
    int caution = summary.get(Risk.CAUTION);
    String counts = (dangerous > 0 ? "**" + dangerous + " dangerous**" : "0 dangerous") + ", "
        + (caution > 0 && dangerous == 0 ? "**" + caution + " caution**" : caution + " caution") + ", "
        + summary.get(Risk.SAFE) + " safe";
    String advice = dangerous > 0 ? "review before merging: data may be lost or the migration may fail on existing rows"
        : caution > 0 ? "check the cautions before merging" : "nothing risky found";
    return counts + " — " + advice + ".";
  }

  /** The marker of a risk: an emoji and the word, e.g. {@code 🔴 dangerous}. */
  static String marker(Risk risk) {
    return switch (risk) {
      case DANGEROUS -> "🔴";
      case CAUTION -> "🟠";
      case SAFE -> "🟢";
    } + " " + risk.label();
  }

  private static void appendSummary(StringBuilder out, MigrationPlan plan, List<Statement> statements) {
    Map<Risk, Integer> summary = plan.summary();
    out.append("| Risk | Changes | Hazards |\n|:--|--:|:--|\n");
    for (Risk risk : WORST_FIRST) {
      Map<String, Long> codes = statements.stream().filter(s -> plan.risk(s.change()) == risk)
          .flatMap(s -> s.hazards().stream()).collect(Collectors.groupingBy(d -> d.hazard().name(), TreeMap::new,
              Collectors.counting()));
      String hazards = codes.isEmpty() ? "none" : codes.entrySet().stream()
          .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "")).collect(Collectors.joining(", "));
      row(out, marker(risk), String.valueOf(summary.get(risk)), hazards);
    }
    out.append('\n');
  }

  private static void appendChanges(StringBuilder out, MigrationPlan plan, List<Statement> statements) {
    out.append("### Changes\n\n| # | Risk | Change | Object | Hazards |\n|--:|:--|:--|:--|:--|\n");
    for (Numbered n : numbered(statements)) {
      Change change = n.statement().change();
      row(out, String.valueOf(n.number()), marker(plan.risk(change)), change.kind().replace('_', ' '),
          object(change, n.statement().name()), ChangeLabels.codes(n.statement().hazards()));
    }
    out.append('\n');
  }

  private static void appendHazards(StringBuilder out, MigrationPlan plan, List<Statement> statements) {
    List<Numbered> risky = numbered(statements).stream().filter(n -> !n.statement().hazards().isEmpty()).toList();
    if (risky.isEmpty()) {
      return;
    }
    out.append("### Hazards\n\n");
    for (Numbered n : risky) {
      Statement s = n.statement();
      out.append("#### ").append(n.number()).append(". ").append(change(s.change(), s.name())).append("\n\n");
      for (Diagnostic d : s.hazards()) {
        out.append("- ").append(marker(d.risk())).append(" **").append(d.hazard().name()).append("**: ")
            .append(MarkdownText.text(d.message())).append('\n');
        out.append("  - remedy: ").append(MarkdownText.text(d.remedy())).append('\n');
        figures(d).forEach(f -> out.append("  - ").append(MarkdownText.text(f)).append('\n'));
      }
      out.append('\n');
    }
  }

  /**
   * What the live data showed about a hazard ({@link Diagnostic#figures()}), e.g. {@code measured:
   * 1,204 rows (estimate), 3 too long}, and the scores a rename suspicion was computed from (figures
   * named {@code ..._percent}), e.g. {@code scored: 82% score, 64% names}; none when there are no figures.
   */
  private static List<String> figures(Diagnostic d) {
    List<String> lines = new java.util.ArrayList<>();
    String measured = d.figures().stream().filter(f -> !f.name().endsWith(PERCENT))
        .map(f -> String.format(Locale.ROOT, "%,d", f.value()) + " " + f.name().replace('_', ' ')
            + (f.estimate() ? " (estimate)" : ""))
        .collect(Collectors.joining(", "));
    String scored = d.figures().stream().filter(f -> f.name().endsWith(PERCENT))
        .map(f -> f.value() + "% " + f.name().substring(0, f.name().length() - PERCENT.length()).replace('_', ' '))
        .collect(Collectors.joining(", "));
    if (!measured.isEmpty()) {
      lines.add("measured: " + measured);
    }
    if (!scored.isEmpty()) {
      lines.add("scored: " + scored);
    }
    return lines;
  }

  /** The relaxations left out and the unmanaged objects, each a section when there are any. */
  private static void appendLeftAlone(StringBuilder out, MigrationPlan plan) {
    appendList(out, "Kept stricter",
        "The database is stricter than the entities and stays so (`--keep-stricter-database`, or a kept primary key).",
        plan.keptStricter().stream().map(c -> change(c, null)).toList());
    appendList(out, "Unmanaged",
        "Only in the database and left alone (`--drop-unmanaged KIND` drops indexes, uniques, primary-keys, checks, defaults,"
            + " comments, library-tables).",
        plan.unmanaged().stream().map(MarkdownReport::unmanaged).toList());
  }

  private static void appendList(StringBuilder out, String heading, String explanation, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append("### ").append(heading).append(" (").append(items.size()).append(")\n\n")
        .append(explanation).append("\n\n");
    items.forEach(i -> out.append("- ").append(i).append('\n'));
    out.append('\n');
  }

  private static void appendDiagram(StringBuilder out, ErDiagram diagram) {
    String mermaid = diagram.mermaid();
    if (mermaid.isEmpty()) {
      return;
    }
    out.append("### Touched tables\n\n");
    if (diagram.shown().size() < diagram.touched().size()) {
      out.append("The plan touches ").append(diagram.touched().size()).append(" tables; the diagram shows the first ")
          .append(diagram.shown().size()).append(" by name.\n\n");
    }
    appendFenced(out, "mermaid", mermaid);
    out.append('\n');
  }

  /**
   * One folded SQL block: each change's statements under a comment naming it.
   *
   * @param count how many changes
   * @param nth the statement of the i-th change to show, from 0
   * @param reverse whether to show the reverse statements (the downgrade)
   */
  private static void appendSql(StringBuilder out, String title, int count, IntFunction<Statement> nth,
      boolean reverse) {
    StringBuilder sql = new StringBuilder();
    int statements = 0;
    for (int i = 0; i < count; i++) {
      Statement s = nth.apply(i);
      int number = reverse ? count - i : i + 1;
      List<String> lines = reverse ? s.reverseSql() : s.sql();
      String label = reverse
          ? ChangeLabels.kindAndTarget(s.change().reverse(), s.name()) + " (undoes #" + number + ")"
          : ChangeLabels.kindAndTarget(s.change(), s.name()) + (s.transactional() ? "" : " (outside a transaction)");
      sql.append("-- ").append(number).append(". ").append(MarkdownText.oneLine(label)).append('\n');
      if (lines.isEmpty()) {
        sql.append("-- (nothing to run)\n");
      }
      lines.forEach(l -> sql.append(l).append(";\n"));
      statements += lines.size();
    }
    out.append("<details><summary>").append(title).append(" (").append(statements)
        .append(statements == 1 ? " statement" : " statements").append(")</summary>\n\n");
    appendFenced(out, "sql", sql.toString());
    out.append("\n</details>\n\n");
  }

  private static void appendFenced(StringBuilder out, String language, String content) {
    String fence = MarkdownText.fence(content);
    out.append(fence).append(language).append('\n').append(content);
    if (!content.endsWith("\n")) {
      out.append('\n');
    }
    out.append(fence).append('\n');
  }

  /**
   * What a change is on, as code, with the two sides of an alteration or the new name of a rename,
   * e.g. {@code `t.c`: `int` → `bigint`}, {@code `t.old` → `new`}.
   */
  private static String object(Change change, String name) {
    if (change instanceof RenameColumn r) {
      return MarkdownText.code(r.table() + "." + r.from()) + " → " + MarkdownText.code(r.to());
    } else if (change instanceof RenameTable r) {
      return MarkdownText.code(r.from().toString()) + " → " + MarkdownText.code(r.to());
    }
    ChangeFacts facts = ChangeFacts.of(change);
    String object = MarkdownText.code(ChangeLabels.target(change, name));
    if (facts.from() != null && facts.to() != null) {
      return object + ": " + MarkdownText.code(facts.from()) + " → " + MarkdownText.code(facts.to());
    }
    return object;
  }

  /** The change in words, e.g. {@code alter column `public.t.c`: `int` → `bigint`}. */
  private static String change(Change change, String name) {
    return change.kind().replace('_', ' ') + " " + object(change, name);
  }

  private static String unmanaged(UnmanagedObject u) {
    String where = u.schema() + (u.table() == null ? "" : "." + u.table()) + (u.name() == null ? "" : "." + u.name());
    return u.kind().noun() + " " + MarkdownText.code(where) + ": " + MarkdownText.code(u.definition());
  }

  private static void row(StringBuilder out, String... cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(MarkdownText.cell(cell)).append(" |");
    }
    out.append('\n');
  }
}
