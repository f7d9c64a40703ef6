package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Expr.Call;
import dev.autogen.model.postgres.Expr.Cast;
import dev.autogen.model.postgres.Expr.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renames one column inside an expression tree, as {@code ALTER TABLE ... RENAME COLUMN} does for
 * the stored trees of checks, index expressions and partial-index predicates (PostgreSQL "ALTER
 * TABLE": those store column numbers, so the deparsed text follows the new name).
 *
 * <p>Only column references ({@link Name}) change: a name whose last part is the old column name,
 * bare ({@code full_name}) or qualified by a table or schema and table ({@code customer.full_name}).
 * String constants, function names ({@link Call#name()}), type names ({@link Cast#type()}),
 * collation names and key words are never touched.
 */
final class ColumnRenaming {

  private final String from;
  private final String to;

  private ColumnRenaming(String from, String to) {
    this.from = from;
    this.to = to;
  }

  /**
   * @param expr a parsed expression, never null
   * @param from the column's exact current name, never null
   * @param to the column's exact new name, never null
   * @return the tree with every reference to {@code from} naming {@code to}; equal to {@code expr}
   *     when it does not reference {@code from}
   * @throws NullPointerException when an argument is null
   */
  static Expr rename(Expr expr, String from, String to) {
    Objects.requireNonNull(expr, "expr");
    return new ColumnRenaming(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")).visit(expr);
  }

  private Expr visit(Expr e) {
    return ExprTrees.map(e, node -> node instanceof Name n ? name(n) : node);
  }

  private Expr name(Name n) {
    List<String> parts = n.parts();
    int last = parts.size() - 1;
    if (!parts.get(last).equals(from)) {
      return n;
    }
    List<String> renamed = new ArrayList<>(parts);
    renamed.set(last, to);
    return new Name(renamed);
  }
}
