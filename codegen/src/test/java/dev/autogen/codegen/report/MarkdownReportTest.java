package dev.autogen.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.EveryChangeScenario;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.diff.UnmanagedKind;
import dev.autogen.diff.UnmanagedObject;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
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
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  private static final Catalog EMPTY = new Catalog(List.of());

  // ---- structure -------------------------------------------------------------------------------

  @Test
  void emptyPlanSaysSoAndListsWhatIsLeftAlone() {
    MigrationPlan empty = new MigrationPlan(List.of(), List.of(), Set.of(), List.of(), List.of(
        new UnmanagedObject(UnmanagedKind.INDEXES, "public", "owner", "ix_owner_city", "CREATE INDEX ix_owner_city ON owner (city)")));
    String report = new MarkdownReport().render(empty, List.of(), EMPTY, EMPTY);

    assertThat(report).startsWith(MarkdownReport.TITLE + "\n\n" + TextReport.NO_CHANGES + "\n\n### Unmanaged (1)\n");
    assertThat(report).contains("- index `public.owner.ix_owner_city`: `CREATE INDEX ix_owner_city ON owner (city)`\n");
    assertThat(report).doesNotContain("### Changes", "```mermaid", "<details>");
  }

  @Test
  void sectionsComeInReviewOrder() {
    MigrationPlan plan = EveryChangeScenario.plan();
    String report = render(plan);

    assertThat(report.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo("**2 dangerous**, 1 caution, 33 safe — review before merging: data may be lost or the migration"
            + " may fail on existing rows.");
    List<String> headings = report.lines().filter(l -> l.startsWith("### ") || l.startsWith("<details>")).toList();
    assertThat(headings).containsExactly("### Changes", "### Hazards", "### Touched tables",
        "<details><summary>Upgrade SQL (" + count(plan, false) + " statements)</summary>",
        "<details><summary>Downgrade SQL (" + count(plan, true) + " statements)</summary>");
  }

  @Test
  void summaryTableCountsChangesAndHazardsPerRisk() {
    String report = render(EveryChangeScenario.plan());
    assertThat(report).contains("""
        | Risk | Changes | Hazards |
        |:--|--:|:--|
        | 🔴 dangerous | 2 | DATA_LOSS (2) |
        | 🟠 caution | 1 | DATA_DEPENDENT |
        | 🟢 safe | 33 | none |
        """);
  }

  @Test
  void changeTableHasOneRowPerChangeInPlanOrder() {
    MigrationPlan plan = EveryChangeScenario.plan();
    List<String> rows = tableRows(render(plan), "| # | Risk | Change | Object | Hazards |");
    assertThat(rows).hasSize(plan.changes().size());
    assertThat(rows).anySatisfy(r -> assertThat(r).matches(
        "\\| \\d+ \\| 🔴 dangerous \\| drop column \\| `app\\.customer\\.legacy` \\| DATA_LOSS \\|"));
    assertThat(rows).anySatisfy(r -> assertThat(r).endsWith(
        "| alter column | `app.customer.full_name`: `varchar(64) not null` → `varchar(32) null` |  |"));
    assertThat(rows).anySatisfy(r -> assertThat(r).contains(
        "| 🟠 caution | add unique | `customer_age_status_key on app.customer (age, status)` | DATA_DEPENDENT |"));
  }

  @Test
  void hazardsCarryMessageAndRemedyUnderTheirChangesNumber() {
    MigrationPlan plan = EveryChangeScenario.plan();
    int number = plan.changes().indexOf(plan.diagnostics().get(0).change()) + 1;
    assertThat(render(plan)).contains("#### " + number + ". drop column `app.customer.legacy`\n\n"
        + "- 🔴 dangerous **DATA_LOSS**: the values of legacy are lost\n"
        + "  - remedy: copy them first\n");
  }

  @Test
  void relaxationsAndKeptStricterAreSections() {
    QualifiedName t = new QualifiedName("public", "t");
    Change relax = new Change.AlterColumn(t, column("c", "varchar(10)", false), column("c", "varchar(20)", true),
        Set.of(Change.Aspect.TYPE, Change.Aspect.NULLABILITY));
    Change kept = new Change.AlterColumn(t, column("d", "integer", false), column("d", "integer", true),
        Set.of(Change.Aspect.NULLABILITY));
    MigrationPlan plan = new MigrationPlan(List.of(relax), List.of(), Set.of(relax), List.of(kept), List.of());
    String report = new MarkdownReport().render(plan, new PostgresRenderer().render(plan), EMPTY, EMPTY);

    assertThat(report).contains("### Relaxations (1)\n\n")
        .contains("- alter column `public.t.c`: `varchar(10) not null` → `varchar(20) null` (#1)\n")
        .contains("### Kept stricter (1)\n\n")
        .contains("- alter column `public.t.d`: `not null` → `null`\n");
  }

  @Test
  void sqlIsFoldedUpgradeInPlanOrderDowngradeReversed() {
    MigrationPlan plan = EveryChangeScenario.plan();
    List<Statement> statements = new PostgresRenderer().render(plan);
    String report = new MarkdownReport().render(plan, statements, EMPTY, EMPTY);
    List<String> blocks = fencedBlocks(report, "sql");
    assertThat(blocks).hasSize(2);
    String upgrade = blocks.get(0);
    String downgrade = blocks.get(1);
    assertThat(upgrade).startsWith("-- 1. create_enum app.status_kind\ncreate type app.status_kind as enum");
    assertThat(upgrade).contains(statements.get(7).sql().get(0) + ";\n");
    int last = statements.size();
    assertThat(downgrade).startsWith("-- " + last + ". create_table public.legacy (undoes #" + last + ")\n");
    assertThat(downgrade).endsWith("drop type app.status_kind;\n");
    assertThat(report).contains("</summary>\n\n```sql\n").contains("```\n\n</details>\n");
  }

  @Test
  void hazardsShowWhatTheDataMeasured() {
    QualifiedName t = new QualifiedName("public", "t");
    Change narrow = new Change.AlterColumn(t, column("c", "varchar(64)", true), column("c", "varchar(32)", true),
        Set.of(Change.Aspect.TYPE));
    Change drop = new Change.DropColumn(t, column("d", "text", true));
    MigrationPlan plan = new MigrationPlan(List.of(narrow, drop), List.of(
        new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, narrow, "narrows", "check",
            List.of(new Diagnostic.Figure("rows", 1_204_000, true), new Diagnostic.Figure("too_long", 3, false))),
        new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, drop, "drops", "copy")));
    String hazards = section(render(plan), "### Hazards");

    assertThat(hazards).contains("- 🔴 dangerous **DATA_LOSS**: narrows\n  - remedy: check\n"
        + "  - measured: 1,204,000 rows (estimate), 3 too long\n");
    assertThat(hazards).endsWith("- 🔴 dangerous **DATA_LOSS**: drops\n  - remedy: copy\n");
  }

  // ---- escaping --------------------------------------------------------------------------------

  @Test
  void codeSpansHoldBackticksAndLineBreaks() {
    assertThat(MarkdownText.code("plain")).isEqualTo("`plain`");
    assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownText.code("`x``")).isEqualTo("``` `x`` ```");
    assertThat(MarkdownText.code(" both ")).isEqualTo("`  both  `");
    assertThat(MarkdownText.code("a\nb\r")).isEqualTo("`a␊b␍`");
    assertThat(MarkdownText.code("")).isEqualTo("` `");
  }

  @Test
  void textEscapesMarkupButKeepsWordsReadable() {
    assertThat(MarkdownText.text("drops public.customer.full_name")).isEqualTo("drops public.customer.full_name");
    assertThat(MarkdownText.text("_x_ *y* [z](u) <b>&amp; `c` ~~s~~ # h\\"))
        .isEqualTo("\\_x\\_ \\*y\\* \\[z\\](u) \\<b\\>\\&amp; \\`c\\` \\~\\~s\\~\\~ \\# h\\\\");
    assertThat(MarkdownText.text("a | b\nc")).isEqualTo("a | b␊c");
  }

  @Test
  void cellsEscapeEveryPipeAndFencesOutgrowTheirContent() {
    assertThat(MarkdownText.cell("`a|b` | c")).isEqualTo("`a\\|b` \\| c");
    assertThat(MarkdownText.fence("select 1")).isEqualTo("```");
    assertThat(MarkdownText.fence("comment on t is '````'")).isEqualTo("`````");
  }

  @Test
  void hostileNamesKeepTablesListsAndFencesIntact() {
    Scenario hostile = hostile();
    String report = hostile.render();

    for (String header : List.of("| Risk | Changes | Hazards |", "| # | Risk | Change | Object | Hazards |")) {
      int columns = unescapedPipes(header);
      List<String> rows = tableRows(report, header);
      assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(unescapedPipes(r)).as(r).isEqualTo(columns));
    }
    assertThat(report).contains("| 3 | 🔴 dangerous | drop column | ````direction TB.end. we```ird`\\|name\\| ␊x ```` |")
        .contains("#### 3. drop column ````direction TB.end. we```ird`|name| ␊x ````\n")
        .contains("- 🔴 dangerous **DATA_LOSS**: drops \\<script\\>alert(1)\\</script\\> | \\`x\\` ␊\\# h\n");
    // every fence opened is closed by the same fence: the report has exactly the blocks it writes
    assertThat(fencedBlocks(report, "sql")).hasSize(2);
    assertThat(fencedBlocks(report, "mermaid")).hasSize(1);
    assertThat(report).contains("````sql\n-- 1. create_table s%\"q.we```ird`|name|␊x\n");
  }

  // ---- Mermaid -----------------------------------------------------------------------------------

  @Test
  void mermaidTokensFollowTheLexer() {
    assertThat(MermaidText.attributeType("timestamp(6) with time zone")).isEqualTo("timestamp(6)_with_time_zone");
    assertThat(MermaidText.attributeType("numeric(10,2)")).isEqualTo("numeric(10_2)");
    assertThat(MermaidText.attributeType("integer[]")).isEqualTo("integer[]");
    assertThat(MermaidText.attributeType("\"My Type\"")).isEqualTo("_My_Type_");
    assertThat(MermaidText.attributeType("uk(3)")).isEqualTo("_uk(3)");
    assertThat(MermaidText.attributeName("pk")).isEqualTo("_pk");
    assertThat(MermaidText.attributeName("PK_id")).isEqualTo("PK_id");
    assertThat(MermaidText.attributeName("1st col")).isEqualTo("_1st_col");
    assertThat(MermaidText.attributeName("prénom")).isEqualTo("pr_nom");
    assertThat(MermaidText.entity("a \"b\" 100% \\ c\nd")).isEqualTo("\"a 'b' 100_ _ c_d\"");
    assertThat(MermaidText.entity("Direction  LR")).isEqualTo("\"Direction_LR\"");
    assertThat(MermaidText.entity("")).isEqualTo("\"_\"");
    assertThat(MermaidText.quoted("say \"hi\"")).isEqualTo("\"say 'hi'\"");
  }

  @Test
  void everyChangeDiagramIsValidMermaid() throws Exception {
    String report = render(EveryChangeScenario.plan());
    sample("every-change", report);
    assertValidMermaid(diagram(report));
  }

  @Test
  void hostileDiagramIsValidMermaidAndNamesTheExactColumns() throws Exception {
    String report = hostile().render();
    sample("hostile", report);
    String mermaid = diagram(report);
    assertValidMermaid(mermaid);
    assertThat(mermaid).contains("    \"s_'q.we```ird`|name|_x (new)\" {\n")
        .contains("        varchar(10) _pk PK \"column pk\"\n        text select UK\n        integer ref FK\n")
        .contains("        timestamp(3)_with_time_zone pr_nom__x_ \"column prénom 'x'\"\n")
        .contains("        text _we___ird__name___x_ \"column  we```ird`|name| ␊x ; dropped\"\n")
        .contains("    \"direction_TB.end\" |o..o{ \"s_'q.we```ird`|name|_x (new)\" : \"ref\"\n")
        .doesNotContainPattern("(?i)direction\\s+(tb|bt|rl|lr)");
  }

  @Test
  void largePlansDrawTheFirstTablesByNameAndSaySo() {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < MarkdownReport.MAX_DIAGRAM_TABLES + 5; i++) {
      changes.add(new Change.AddColumn(new QualifiedName("public", String.format("t%02d", i)), column("c", "text", true)));
    }
    String report = render(new MigrationPlan(changes, List.of()));
    assertThat(report).contains("The plan touches " + changes.size() + " tables; the diagram shows the first "
        + MarkdownReport.MAX_DIAGRAM_TABLES + " by name.\n");
    String mermaid = diagram(report);
    assertValidMermaid(mermaid);
    assertThat(mermaid.lines().filter(l -> l.endsWith(" {")).count()).isEqualTo(MarkdownReport.MAX_DIAGRAM_TABLES);
    assertThat(mermaid).contains("    \"t00\" {\n        text c \"added\"\n    }\n").doesNotContain("\"t30\"");
  }

  // ---- the bookstore, version 1 to version 2 ------------------------------------------------------

  @Test
  void bookstoreV1ToV2() throws Exception {
    Scenario bookstore = bookstore();
    String report = bookstore.render();
    sample("bookstore-v1-v2", report);

    assertThat(report.lines().skip(2).findFirst().orElseThrow()).isEqualTo("**3 dangerous**, 2 caution, 4 safe — review before merging: data may be lost or the migration may fail on existing rows.");
    String mermaid = diagram(report);
    assertValidMermaid(mermaid);
    assertThat(mermaid)
        .contains("    \"customer\" {\n        bigint id PK\n")
        .contains("        varchar(1000) bio \"added\"\n")
        .contains("        varchar(120) display_name \"renamed from full_name\"\n")
        .contains("        varchar(32) sku UK \"changed: varchar(64) -> varchar(32)\"\n")
        .contains("        varchar(4000) body \"dropped\"\n")
        .contains("    \"newsletter_signup (dropped)\" {\n")
        .contains("    \"wishlist_item (new)\" {\n        bigint id PK\n        bigint customer_id FK\n")
        .contains("    \"customer\" ||..o{ \"wishlist_item (new)\" : \"customer_id\"\n")
        .contains("    \"product\" |o..o{ \"review\" : \"product_id\"\n")
        .contains("    \"category\" {\n        bigint id PK\n    }\n");
    assertThat(mermaid).doesNotContain("\"order_line\"");
    assertThat(report).contains("| 🔴 dangerous | drop table | `public.newsletter_signup` | DATA_LOSS")
        .contains("| 1 | 🟠 caution | rename column | `public.customer.full_name` → `display_name` | BACKWARD_INCOMPATIBLE |");
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** A plan with the catalogs it was computed from. */
  private record Scenario(MigrationPlan plan, Catalog current, Catalog target) {
    String render() {
      return new MarkdownReport().render(plan, new PostgresRenderer().render(plan), current, target);
    }
  }

  private static String render(MigrationPlan plan) {
    return new MarkdownReport().render(plan, new PostgresRenderer().render(plan), EMPTY, EMPTY);
  }

  private static int count(MigrationPlan plan, boolean reverse) {
    return new PostgresRenderer().render(plan).stream().mapToInt(s -> (reverse ? s.reverseSql() : s.sql()).size()).sum();
  }

  private static Column column(String name, String type, boolean nullable) {
    return new Column(name, SqlType.parse(type), nullable, null, null, null);
  }

  private static Column id(String name) {
    return new Column(name, SqlType.parse("bigint"), false, null, Identity.BY_DEFAULT, null);
  }

  private static Table table(String name, List<Column> columns, List<String> pk, List<ForeignKey> fks,
      List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<Index> indexes) {
    return new Table(name, columns, pk.isEmpty() ? null : new PrimaryKey(null, pk), fks, uniques, checks, indexes, null);
  }

  private static ForeignKey fk(String column, String schema, String table) {
    return new ForeignKey(null, List.of(column), new QualifiedName(schema, table), List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }

  private static UniqueConstraint unique(String... columns) {
    return new UniqueConstraint(null, List.of(columns));
  }

  private static Catalog catalog(String schema, List<Table> tables, List<Sequence> sequences) {
    return new Catalog(List.of(new Schema(schema, tables, sequences, List.of())));
  }

  /**
   * The schema of {@code db/bookstore/V1__create_bookstore.sql} and the entities of version 2 (what
   * {@code V2__bookstore_v2.sql} leads to), written as model catalogs; diffed with the rename of
   * {@code customer.full_name} confirmed.
   */
  private static Scenario bookstore() {
    Column ts = column("created_at", "timestamp(6) with time zone", true);
    Table customerV1 = table("customer", List.of(id("id"), column("email", "varchar(255)", false),
        column("full_name", "varchar(120)", true), ts), List.of("id"), List.of(), List.of(unique("email")), List.of(), List.of());
    Table customerV2 = table("customer", List.of(id("id"), column("email", "varchar(255)", false),
        column("display_name", "varchar(120)", true), ts, column("bio", "varchar(1000)", true)),
        List.of("id"), List.of(), List.of(unique("email")), List.of(), List.of());
    Table category = table("category", List.of(id("id"), column("name", "varchar(255)", false),
        column("parent_id", "bigint", true)), List.of("id"), List.of(fk("parent_id", "public", "category")),
        List.of(unique("name")), List.of(), List.of());
    List<Column> product = List.of(column("id", "bigint", false), column("sku", "varchar(64)", false),
        column("title", "varchar(255)", true), column("description", "varchar(2000)", true),
        column("price", "numeric(10,2)", true), column("stock", "integer", true), column("category_id", "bigint", true));
    Table productV1 = table("product", product, List.of("id"), List.of(fk("category_id", "public", "category")),
        List.of(unique("sku")), List.of(), List.of(new Index("idx_product_title", List.of("title"), false, null, null)));
    List<Column> productV2Columns = new ArrayList<>(product);
    productV2Columns.set(1, column("sku", "varchar(32)", false));
    Table productV2 = table("product", productV2Columns, List.of("id"), List.of(fk("category_id", "public", "category")),
        List.of(unique("sku")), List.of(), List.of(new Index("idx_product_title", List.of("title"), false, null, null)));
    List<Column> order = List.of(id("id"), column("customer_id", "bigint", false), column("status", "varchar(255)", true),
        column("ordered_at", "timestamp(6) with time zone", true), column("total", "numeric(12,2)", true));
    List<CheckConstraint> status = List.of(new CheckConstraint(null, "status in ('NEW', 'PAID', 'SHIPPED', 'CANCELLED')"));
    Table orderV1 = table("purchase_order", order, List.of("id"), List.of(fk("customer_id", "public", "customer")),
        List.of(), status, List.of());
    Table orderV2 = table("purchase_order", order, List.of("id"), List.of(fk("customer_id", "public", "customer")),
        List.of(), status, List.of(new Index(null, List.of("ordered_at"), false, null, null)));
    Table orderLine = table("order_line", List.of(id("id"), column("order_id", "bigint", true),
        column("product_id", "bigint", true), column("quantity", "integer", true), column("unit_price", "numeric(10,2)", true)),
        List.of("id"), List.of(fk("order_id", "public", "purchase_order"), fk("product_id", "public", "product")),
        List.of(), List.of(), List.of());
    List<Column> review = List.of(id("id"), column("product_id", "bigint", true), column("customer_id", "bigint", true),
        column("rating", "integer", true), column("body", "varchar(4000)", true), ts);
    List<ForeignKey> reviewKeys = List.of(fk("product_id", "public", "product"), fk("customer_id", "public", "customer"));
    List<CheckConstraint> rating = List.of(new CheckConstraint(null, "rating between 1 and 5"));
    Table reviewV1 = table("review", review, List.of("id"), reviewKeys, List.of(), rating, List.of());
    Table reviewV2 = table("review", review.stream().filter(c -> !c.name().equals("body")).toList(), List.of("id"),
        reviewKeys, List.of(), rating, List.of());
    Table newsletter = table("newsletter_signup", List.of(id("id"), column("email", "varchar(255)", true),
        column("signed_up_at", "timestamp(6) with time zone", true)), List.of("id"), List.of(), List.of(), List.of(), List.of());
    Table wishlist = table("wishlist_item", List.of(id("id"), column("customer_id", "bigint", false),
        column("product_id", "bigint", false), column("added_at", "timestamp(6) with time zone", true)), List.of("id"),
        List.of(fk("customer_id", "public", "customer"), fk("product_id", "public", "product")),
        List.of(unique("customer_id", "product_id")), List.of(), List.of());
    List<Sequence> sequences = List.of(new Sequence("product_seq", 1, 50));
    Catalog v1 = catalog("public", List.of(customerV1, category, productV1, orderV1, orderLine, reviewV1, newsletter), sequences);
    Catalog v2 = catalog("public", List.of(customerV2, category, productV2, orderV2, orderLine, reviewV2, wishlist), sequences);
    MigrationPlan plan = new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of("customer.full_name=display_name")))
        .diff(v1, v2);
    return new Scenario(plan, v1, v2);
  }

  /**
   * Names built to break Markdown and Mermaid: pipes, backticks, quotes, a line break, HTML, a
   * percent sign, reserved words, Mermaid key markers and a direction statement, a second schema.
   */
  private static Scenario hostile() {
    String weird = "we```ird`|name|\nx";
    Table referenced = table("end", List.of(column("one", "integer", false), column("many", "text", true)),
        List.of("one"), List.of(), List.of(), List.of(), List.of());
    Table created = table(weird, List.of(column("pk", "varchar(10)", false), column("select", "text", true),
        column("ref", "integer", true), column("prénom \"x\"", "timestamp(3) with time zone", true),
        column("<script>", "numeric(10,2)", true)), List.of("pk"),
        List.of(new ForeignKey("f", List.of("ref"), new QualifiedName("direction TB", "end"), List.of("one"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
        List.of(unique("select")), List.of(), List.of());
    QualifiedName table = new QualifiedName("s%\"q", weird);
    Change create = new Change.CreateTable("s%\"q", created);
    Change addFk = new Change.AddForeignKey(table, created.foreignKeys().get(0));
    Change drop = new Change.DropColumn(new QualifiedName("direction TB", "end"), column(" we```ird`|name| \nx ", "text", true));
    MigrationPlan plan = new MigrationPlan(List.of(create, addFk, drop), List.of(
        new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, drop, "drops <script>alert(1)</script> | `x` \n# h",
            "copy | it | first"),
        new Diagnostic(Hazard.DATA_DEPENDENT, Risk.CAUTION, addFk, "rows of `end` may not match", "check *orphans*")));
    Catalog target = new Catalog(List.of(
        new Schema("s%\"q", List.of(created), List.of(), List.of()),
        new Schema("direction TB", List.of(referenced), List.of(), List.of())));
    Table referencedBefore = table("end", List.of(column("one", "integer", false), column("many", "text", true),
        column(" we```ird`|name| \nx ", "text", true)), List.of("one"), List.of(), List.of(), List.of(), List.of());
    Catalog current = new Catalog(List.of(new Schema("direction TB", List.of(referencedBefore), List.of(), List.of())));
    return new Scenario(plan, current, target);
  }

  /**
   * Keeps a report and its diagram in {@code target/markdown-report-samples} for a look by eye and
   * for Mermaid's own parser (run by hand: the build needs no Node.js).
   */
  private static void sample(String name, String report) throws Exception {
    Path samples = Files.createDirectories(Path.of("target", "markdown-report-samples"));
    Files.writeString(samples.resolve(name + ".md"), report);
    Files.writeString(samples.resolve(name + ".mmd"), diagram(report));
  }

  /** The rows of the table with this header line, without header and delimiter rows. */
  private static List<String> tableRows(String report, String header) {
    List<String> lines = report.lines().toList();
    int start = lines.indexOf(header);
    assertThat(start).as("table " + header).isNotNegative();
    return lines.stream().skip(start + 2).takeWhile(l -> l.startsWith("|")).toList();
  }

  private static int unescapedPipes(String row) {
    int count = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '\\') {
        i++;
      } else if (row.charAt(i) == '|') {
        count++;
      }
    }
    return count;
  }

  /** From a heading to the next heading. */
  private static String section(String report, String heading) {
    int start = report.indexOf(heading + "\n");
    int end = report.indexOf("\n### ", start + 1);
    return report.substring(start, end < 0 ? report.length() : end);
  }

  /** The contents of the fenced blocks of a language, each closed by its own fence (CommonMark §4.5). */
  private static List<String> fencedBlocks(String report, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher open = Pattern.compile("(?m)^(`{3,})" + language + "$").matcher(report);
    while (open.find()) {
      String fence = open.group(1);
      int close = report.indexOf("\n" + fence + "\n", open.end());
      assertThat(close).as("closing fence of a " + language + " block").isPositive();
      String block = report.substring(open.end() + 1, close + 1);
      assertThat(block.lines()).noneMatch(l -> l.matches("`{" + fence.length() + ",}\\s*"));
      blocks.add(block);
    }
    return blocks;
  }

  private static String diagram(String report) {
    List<String> blocks = fencedBlocks(report, "mermaid");
    assertThat(blocks).hasSize(1);
    return blocks.get(0);
  }

  private static final String ENTITY = "\"[^\"%\\r\\n\\u000B\\u0008\\\\]+\"";
  private static final String WORD = "[A-Za-z_][A-Za-z0-9\\-_\\[\\]()]*";
  private static final Pattern ENTITY_LINE = Pattern.compile("    " + ENTITY + "( \\{)?");
  private static final Pattern ATTRIBUTE_LINE = Pattern.compile(
      "        (" + WORD + ") (" + WORD + ")( (PK|FK|UK)(, (PK|FK|UK))*)?( \"[^\"]*\")?");
  private static final Pattern RELATION_LINE = Pattern.compile(
      "    " + ENTITY + " (\\|\\||\\|o)(--|\\.\\.)(o\\{|o\\|) " + ENTITY + " : \"[^\"]*\"");
  private static final Pattern KEY_AT_WORD_START = Pattern.compile("(?i)(pk|fk|uk)\\b.*");

  /**
   * The diagram against the lexer and grammar of Mermaid 10.0 to 11.x ({@code erDiagram.jison}):
   * only entity blocks, attribute lines and relationship lines, in the forms {@link MermaidText}
   * documents; no line a direction rule would swallow; every relationship end a declared entity.
   * The same diagrams were parsed by {@code mermaid.parse} of Mermaid 10.0.2, 10.9.3 and 11.17.2
   * by hand (see the report of the change that added this test).
   */
  private static void assertValidMermaid(String mermaid) {
    List<String> lines = mermaid.lines().toList();
    assertThat(lines.get(0)).isEqualTo("erDiagram");
    List<String> entities = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines.subList(1, lines.size())) {
      if (inBlock) {
        if (line.equals("    }")) {
          inBlock = false;
          continue;
        }
        Matcher m = ATTRIBUTE_LINE.matcher(line);
        assertThat(m.matches()).as("attribute line: " + line).isTrue();
        assertThat(Stream.of(m.group(1), m.group(2))).as("key marker at a word start: " + line)
            .noneMatch(w -> KEY_AT_WORD_START.matcher(w).matches());
        continue;
      }
      assertThat(line).as("direction rule").doesNotContainPattern("(?i)direction\\s+(tb|bt|rl|lr)");
      if (ENTITY_LINE.matcher(line).matches()) {
        entities.add(line.trim().replaceFirst(" \\{$", ""));
        inBlock = line.endsWith("{");
      } else {
        assertThat(RELATION_LINE.matcher(line).matches()).as("relationship line: " + line).isTrue();
        Matcher ends = Pattern.compile(ENTITY).matcher(line);
        while (ends.find() && ends.start() < line.indexOf(" : ")) {
          assertThat(entities).as("declared entity").contains(ends.group());
        }
      }
    }
    assertThat(inBlock).as("last block closed").isFalse();
    assertThat(entities).doesNotHaveDuplicates();
  }
}
