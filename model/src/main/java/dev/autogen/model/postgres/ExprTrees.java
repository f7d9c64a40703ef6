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
import dev.autogen.model.postgres.Expr.Not;
import dev.autogen.model.postgres.Expr.Quantified;
import dev.autogen.model.postgres.Expr.Subscript;
import dev.autogen.model.postgres.Expr.Unary;
import dev.autogen.model.postgres.Expr.When;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rewrites an expression tree bottom-up: every node's sub-expressions first, then the node itself
 * through one function. Type names ({@link Cast#type()}), function names ({@link Call#name()}) and
 * collation names are not sub-expressions and are never passed to the function.
 */
final class ExprTrees {

  private final UnaryOperator<Expr> rewrite;

  private ExprTrees(UnaryOperator<Expr> rewrite) {
    this.rewrite = rewrite;
  }

  /**
   * @param expr a parsed expression, never null
   * @param rewrite applied to each node after its sub-expressions were rewritten; returns the node
   *     itself to keep it, never null
   * @return the rewritten tree; equal to {@code expr} when the function kept every node
   * @throws NullPointerException when an argument is null
   */
  static Expr map(Expr expr, UnaryOperator<Expr> rewrite) {
    Objects.requireNonNull(expr, "expr");
    return new ExprTrees(Objects.requireNonNull(rewrite, "rewrite")).visit(expr);
  }

  private Expr visit(Expr e) {
    return rewrite.apply(children(e));
  }

  private Expr children(Expr e) {
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
    // Name, Str, Num and Keyword have no sub-expressions
    return e;
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
