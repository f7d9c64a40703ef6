package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;

import dev.autogen.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code CREATE VIEW}, {@code CREATE MATERIALIZED VIEW} and their drops, for views dropped and
 * created again around a change of a column they read. A view is created from its catalog definition
 * ({@code pg_get_viewdef}, every relation schema-qualified), with its options ({@code WITH (...)}, the
 * catalog's {@code reloptions}, which hold {@code check_option} too: PostgreSQL "CREATE VIEW"), its
 * comment, and for a materialized view {@code WITH DATA} or {@code WITH NO DATA} as it was populated
 * and its indexes ({@code pg_get_indexdef}); a drop names no {@code CASCADE}: the views over it are
 * dropped before it. Owner, grants, triggers and rules on the view are not restored.
 */
final class PostgresViews {

  private static final Pattern OPTION_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
  private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.]+");

  private PostgresViews() {}

  /**
   * @param schema the view's schema
   * @param view the view, its definition known
   * @return the statements that create it, its comment and its indexes
   * @throws IllegalArgumentException when the definition is unknown or an option is not {@code
   *     name=value}
   */
  static List<String> create(String schema, View view) {
    if (view.definition() == null) {
      throw new IllegalArgumentException("the definition of view " + schema + "." + view.name() + " is unknown");
    }
    String query = view.definition().strip();
    if (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1).stripTrailing();
    }
    String kind = kind(view);
    List<String> sql = new ArrayList<>();
    sql.add("create " + kind + " " + qualified(schema, view.name()) + options(view) + " as\n" + query
        + (view.materialized() ? (view.populated() ? "\nwith data" : "\nwith no data") : ""));
    if (view.comment() != null) {
      sql.add("comment on " + kind + " " + qualified(schema, view.name()) + " is " + PostgresLiterals.string(view.comment()));
    }
    sql.addAll(view.indexes());
    return sql;
  }

  /**
   * @param schema the view's schema
   * @param view the view
   * @return {@code drop view} or {@code drop materialized view}, without {@code CASCADE}
   */
  static String drop(String schema, View view) {
    return "drop " + kind(view) + " " + qualified(schema, view.name());
  }

  private static String kind(View view) {
    return view.materialized() ? "materialized view" : "view";
  }

  private static String options(View view) {
    if (view.options().isEmpty()) {
      return "";
    }
    return " with (" + view.options().stream().map(PostgresViews::option).collect(Collectors.joining(", ")) + ")";
  }

  private static String option(String option) {
    int eq = option.indexOf('=');
    String name = eq < 0 ? option : option.substring(0, eq);
    if (!OPTION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a view option: " + option);
    }
    if (eq < 0) {
      return name;
    }
    String value = option.substring(eq + 1);
    return name + "=" + (PLAIN_VALUE.matcher(value).matches() ? value : PostgresLiterals.string(value));
  }
}
