package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Expr.ArrayOf;
import dev.autogen.model.postgres.Expr.Between;
import dev.autogen.model.postgres.Expr.Binary;
import dev.autogen.model.postgres.Expr.Bool;
import dev.autogen.model.postgres.Expr.Call;
import dev.autogen.model.postgres.Expr.Case;
import dev.autogen.model.postgres.Expr.Cast;
import dev.autogen.model.postgres.Expr.Collate;
import dev.autogen.model.postgres.Expr.Distinct;
import dev.autogen.model.postgres.Expr.InList;
import dev.autogen.model.postgres.Expr.IsTest;
import dev.autogen.model.postgres.Expr.Name;
import dev.autogen.model.postgres.Expr.Not;
import dev.autogen.model.postgres.Expr.Quantified;
import dev.autogen.model.postgres.Expr.Subscript;
import dev.autogen.model.postgres.Expr.Unary;
import dev.autogen.model.postgres.Expr.When;
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
    if (e instanceof Name n) {
      return name(n);
    }
    if (e instanceof Call c) {
      return new Call(c.name(), all(c.args()));
    }
    if (e instanceof Cast c) {
      return new Cast(visit(c.operand()), c.type());
    }
    if (e instanceof Unary u) {
      return new Unary(u.op(), visit(u.operand()));
    }
    if (e instanceof Binary b) {
      return new Binary(b.op(), visit(b.left()), visit(b.right()));
    }
    if (e instanceof Bool b) {
      return new Bool(b.and(), all(b.terms()));
    }
    if (e instanceof Not n) {
      return new Not(visit(n.operand()));
    }
    if (e instanceof IsTest t) {
      return new IsTest(visit(t.operand()), t.predicate(), t.negated());
    }
    if (e instanceof Distinct d) {
      return new Distinct(visit(d.left()), visit(d.right()), d.negated());
    }
    if (e instanceof InList l) {
      return new InList(visit(l.operand()), all(l.items()), l.negated());
    }
    if (e instanceof Between b) {
      return new Between(visit(b.operand()), visit(b.low()), visit(b.high()), b.negated(), b.symmetric());
    }
    if (e instanceof Quantified q) {
      return new Quantified(q.op(), q.all(), visit(q.left()), visit(q.array()));
    }
    if (e instanceof ArrayOf a) {
      return new ArrayOf(all(a.elements()));
    }
    if (e instanceof Case c) {
      return caseExpression(c);
    }
    if (e instanceof Subscript s) {
      return new Subscript(visit(s.base()), visit(s.index()));
    }
    if (e instanceof Collate c) {
      return new Collate(visit(c.operand()), c.collation());
    }
    // Str, Num and Keyword contain no column reference
    return e;
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

  private Expr caseExpression(Case c) {
    List<When> whens = c.whens().stream().map(w -> new When(visit(w.condition()), visit(w.result()))).toList();
    return new Case(c.subject() == null ? null : visit(c.subject()), whens,
        c.otherwise() == null ? null : visit(c.otherwise()));
  }

  private List<Expr> all(List<Expr> items) {
    return items.stream().map(this::visit).toList();
  }
}
