package dev.autogen.codegen.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.codegen.ChangeFacts;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.diff.UnmanagedObject;
import dev.autogen.model.HibernateUsed;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report of DESIGN.md, "CLI contract" ({@code autogen diff --format json}):
 *
 * <pre>{@code
 * {"formatVersion": 1,
 *  "hibernate": {"version": "7.4.6.Final", "source": "bundled"},
 *  "changes": [{"kind", "schema", "table", "column", "name", "columns", "from", "to",
 *               "risk", "hazards": [codes], "relaxation": bool, "sql": [...], "reverseSql": [...]}],
 *  "diagnostics": [{"code", "risk", "kind", "schema", "table", "column", "message", "remedy",
 *                   "figures": {"rows": n, ..., "estimate": bool}}],
 *  "keptStricter": [{"kind", "schema", "table", "column", "from", "to"}],
 *  "unmanaged": [{"kind", "schema", "table", "name", "definition"}],
 *  "summary": {"safe": n, "caution": n, "dangerous": n}}
 * }</pre>
 *
 * {@code relaxation} is true on a change that loosens what the database enforces (it is stricter
 * than the entities); {@code keptStricter} lists such changes a policy left out; {@code unmanaged}
 * lists objects only the database has that the plan leaves alone ({@code kind} as {@code
 * --drop-unmanaged} names it: {@code indexes}, {@code uniques}, {@code primary-keys}, {@code checks}, {@code defaults},
 * {@code comments}, {@code library-tables}, {@code triggers}, {@code views}, {@code domains}; {@code table} absent for views and domains
 * (for a library table, the table or sequence, with the owning library in {@code definition}); {@code name} the object's name or, for
 * a default or comment, its column).
 *
 * {@code hibernate} says which Hibernate read the entities ({@link HibernateUsed}): its version, and
 * {@code source} {@code bundled} (autogen's own) or {@code application class path} (the application's
 * {@code hibernate-core}); absent when the report was not made from entities read by Hibernate. It was
 * added within format version 1: readers of version 1 ignore fields they do not know.
 *
 * A field that does not apply to a change is left out, never written as null ({@link ChangeFacts}):
 * {@code column} only on column changes, {@code columns} and {@code name} on keys, constraints and
 * indexes, {@code from}/{@code to} on alterations and renames; a sequence or enum type has {@code
 * name} and no {@code table}. {@code name} is the name the SQL uses ({@link Statement#name()}): for a
 * key, constraint or index the model leaves unnamed, the name the renderer derives for it.
 * Diagnostics locate their change the same way. A diagnostic has {@code figures} only when the live
 * data was measured ({@link Diagnostic#figures()}): each figure's name and count, and {@code estimate}
 * true when any of them is estimated rather than counted.
 */
public final class JsonReport {

  /** The value of {@code formatVersion}; changes when a field changes meaning or goes away. */
  public static final int FORMAT_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Creates the report writer; it holds no state but its JSON mapper. */
  public JsonReport() {}

  /**
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @return the report as pretty-printed JSON text
   * @throws IllegalArgumentException when the statements are not one per change of the plan, or a
   *     diagnostic of the plan is on a change outside it
   */
  public String render(MigrationPlan plan, List<Statement> statements) {
    try {
      return mapper.writeValueAsString(tree(plan, statements));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @return the report as a JSON tree, keys in contract order
   * @throws IllegalArgumentException when the statements are not one per change of the plan, or a
   *     diagnostic of the plan is on a change outside it
   */
  public ObjectNode tree(MigrationPlan plan, List<Statement> statements) {
    return tree(plan, statements, null);
  }

  /**
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @param hibernate the Hibernate that read the entities, or null to leave {@code hibernate} out
   * @return the report as a JSON tree, keys in contract order
   * @throws IllegalArgumentException as {@link #tree(MigrationPlan, List)}
   */
  public ObjectNode tree(MigrationPlan plan, List<Statement> statements, HibernateUsed hibernate) {
    Statement.requireRendering(plan, statements);
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    if (hibernate != null) {
      ObjectNode node = root.putObject("hibernate");
      node.put("version", hibernate.version());
      node.put("source", hibernate.source().label());
    }
    ArrayNode changes = root.putArray("changes");
    for (Statement s : statements) {
      changes.add(change(plan, s));
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : plan.diagnostics()) {
      diagnostics.add(diagnostic(d, Statement.of(statements, d.change())));
    }
    ArrayNode kept = root.putArray("keptStricter");
    for (Change c : plan.keptStricter()) {
      ObjectNode node = kept.addObject();
      ChangeFacts facts = ChangeFacts.of(c);
      node.put("kind", c.kind());
      node.put("schema", facts.schema());
      putIfPresent(node, "table", facts.table());
      putIfPresent(node, "column", facts.column());
      putIfPresent(node, "from", facts.from());
      putIfPresent(node, "to", facts.to());
    }
    ArrayNode unmanaged = root.putArray("unmanaged");
    for (UnmanagedObject u : plan.unmanaged()) {
      ObjectNode node = unmanaged.addObject();
      node.put("kind", u.kind().label());
      node.put("schema", u.schema());
      putIfPresent(node, "table", u.table());
      putIfPresent(node, "name", u.name());
      node.put("definition", u.definition());
    }
    ObjectNode summary = root.putObject("summary");
    Map<Risk, Integer> counts = plan.summary();
    for (Risk r : Risk.values()) {
      summary.put(r.label(), counts.get(r));
    }
    return root;
  }

  private ObjectNode change(MigrationPlan plan, Statement s) {
    ObjectNode node = location(s);
    ChangeFacts facts = ChangeFacts.of(s.change());
    if (!facts.columns().isEmpty()) {
      facts.columns().forEach(node.putArray("columns")::add);
    }
    putIfPresent(node, "from", facts.from());
    putIfPresent(node, "to", facts.to());
    node.put("risk", plan.risk(s.change()).label());
    ArrayNode hazards = node.putArray("hazards");
    s.hazards().stream().map(d -> d.hazard().name()).distinct().forEach(hazards::add);
    node.put("relaxation", plan.isRelaxation(s.change()));
    s.sql().forEach(node.putArray("sql")::add);
    s.reverseSql().forEach(node.putArray("reverseSql")::add);
    return node;
  }

  /** @param s the statement of the diagnostic's change */
  private ObjectNode diagnostic(Diagnostic d, Statement s) {
    ObjectNode node = mapper.createObjectNode();
    node.put("code", d.hazard().name());
    node.put("risk", d.risk().label());
    node.setAll(location(s));
    node.put("message", d.message());
    node.put("remedy", d.remedy());
    if (!d.figures().isEmpty()) {
      ObjectNode figures = node.putObject("figures");
      d.figures().forEach(f -> figures.put(f.name(), f.value()));
      figures.put("estimate", d.figures().stream().anyMatch(Diagnostic.Figure::estimate));
    }
    return node;
  }

  /** {@code kind}, {@code schema}, and {@code table}, {@code column}, {@code name} where they apply. */
  private ObjectNode location(Statement s) {
    Change change = s.change();
    ChangeFacts facts = ChangeFacts.of(change);
    ObjectNode node = mapper.createObjectNode();
    node.put("kind", change.kind());
    node.put("schema", facts.schema());
    putIfPresent(node, "table", facts.table());
    putIfPresent(node, "column", facts.column());
    putIfPresent(node, "name", s.name());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
