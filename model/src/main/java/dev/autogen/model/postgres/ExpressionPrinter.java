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
import dev.autogen.model.postgres.Expr.Keyword;
import dev.autogen.model.postgres.Expr.Name;
import dev.autogen.model.postgres.Expr.Not;
import dev.autogen.model.postgres.Expr.Num;
import dev.autogen.model.postgres.Expr.Quantified;
import dev.autogen.model.postgres.Expr.Str;
import dev.autogen.model.postgres.Expr.Subscript;
import dev.autogen.model.postgres.Expr.Unary;
import dev.autogen.model.postgres.Expr.When;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints an expression tree as one SQL text: key words and unquoted identifiers in lower case,
 * identifiers quoted only where {@code quote_identifier} would quote them, one space around binary
 * operators, {@code ~~}-family operators spelled {@code [not] like}/{@code [not] ilike}, and only
 * the parentheses the precedence of "4.1.6. Operator Precedence" (the precedence
 * {@link ExpressionParser} reads) requires. Parsing the output again yields the same tree.
 */
final class ExpressionPrinter {

  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int IS = 4;
  private static final int COMPARISON = 5;
  private static final int PREDICATE = 6;
  private static final int OTHER = 7;
  private static final int ADDITIVE = 8;
  private static final int MULTIPLICATIVE = 9;
  private static final int EXPONENT = 10;
  private static final int COLLATE = 11;
  private static final int UNARY = 12;
  private static final int POSTFIX = 13;
  private static final int ATOM = 14;

  private static final Set<String> COMPARISON_OPERATORS = Set.of("=", "<>", "<", ">", "<=", ">=");
  private static final Map<String, String> SPELLINGS =
      Map.of("~~", "like", "!~~", "not like", "~~*", "ilike", "!~~*", "not ilike");

  private ExpressionPrinter() {}

  /**
   * @param expr an expression tree, never null
   * @return its SQL text
   */
  static String print(Expr expr) {
    return print(expr, 0);
  }

  private static String print(Expr e, int minimum) {
    String sql = render(e);
    return precedence(e) < minimum ? "(" + sql + ")" : sql;
  }

  private static int precedence(Expr e) {
    if (e instanceof Bool b) {
      return b.and() ? AND : OR;
    }
    if (e instanceof Not) {
      return NOT;
    }
    if (e instanceof IsTest || e instanceof Distinct) {
      return IS;
    }
    if (e instanceof InList || e instanceof Between) {
      return PREDICATE;
    }
    if (e instanceof Binary b) {
      return operatorPrecedence(b.op());
    }
    if (e instanceof Quantified q) {
      return operatorPrecedence(q.op());
    }
    if (e instanceof Collate) {
      return COLLATE;
    }
    if (e instanceof Unary || e instanceof Num n && n.text().startsWith("-")) {
      return UNARY;
    }
    if (e instanceof Cast || e instanceof Subscript) {
      return POSTFIX;
    }
    return ATOM;
  }

  private static int operatorPrecedence(String op) {
    if (COMPARISON_OPERATORS.contains(op)) {
      return COMPARISON;
    }
    if (SPELLINGS.containsKey(op)) {
      return PREDICATE;
    }
    return switch (op) {
      case "+", "-" -> ADDITIVE;
      case "*", "/", "%" -> MULTIPLICATIVE;
      case "^" -> EXPONENT;
      default -> OTHER;
    };
  }

  /** Comparison and predicate operators do not associate; the others associate to the left. */
  private static int leftMinimum(int precedence) {
    return precedence <= PREDICATE ? precedence + 1 : precedence;
  }

  private static String render(Expr e) {
    if (e instanceof Name n) {
      return name(n.parts());
    }
    if (e instanceof Str s) {
      return "'" + s.value().replace("'", "''") + "'";
    }
    if (e instanceof Num n) {
      return n.text();
    }
    if (e instanceof Keyword k) {
      return k.sql();
    }
    if (e instanceof Call c) {
      return c.name().stream().map(PostgresIdentifiers::quoteFunctionName).collect(Collectors.joining("."))
          + "(" + list(c.args()) + ")";
    }
    if (e instanceof Cast c) {
      return print(c.operand(), POSTFIX) + "::" + c.type().sql();
    }
    if (e instanceof Unary u) {
      String operand = print(u.operand(), UNARY);
      return u.op() + (operand.startsWith("-") || operand.startsWith("+") ? "(" + operand + ")" : operand);
    }
    if (e instanceof Binary b) {
      int p = operatorPrecedence(b.op());
      return print(b.left(), leftMinimum(p)) + " " + spell(b.op()) + " " + print(b.right(), p + 1);
    }
    if (e instanceof Bool b) {
      int p = precedence(b);
      return b.terms().stream().map(t -> print(t, p + 1)).collect(Collectors.joining(b.and() ? " and " : " or "));
    }
    if (e instanceof Not n) {
      return "not " + print(n.operand(), NOT);
    }
    if (e instanceof IsTest t) {
      return print(t.operand(), IS + 1) + " is " + (t.negated() ? "not " : "") + t.predicate();
    }
    if (e instanceof Distinct d) {
      return print(d.left(), IS + 1) + " is " + (d.negated() ? "not " : "") + "distinct from " + print(d.right(), IS + 1);
    }
    if (e instanceof InList l) {
      return print(l.operand(), PREDICATE + 1) + (l.negated() ? " not in (" : " in (") + list(l.items()) + ")";
    }
    if (e instanceof Between b) {
      return print(b.operand(), PREDICATE + 1) + (b.negated() ? " not" : "") + " between "
          + (b.symmetric() ? "symmetric " : "") + print(b.low(), PREDICATE + 1) + " and " + print(b.high(), PREDICATE + 1);
    }
    if (e instanceof Quantified q) {
      return print(q.left(), leftMinimum(operatorPrecedence(q.op()))) + " " + spell(q.op())
          + (q.all() ? " all (" : " any (") + print(q.array()) + ")";
    }
    if (e instanceof ArrayOf a) {
      return "array[" + list(a.elements()) + "]";
    }
    if (e instanceof Case c) {
      return caseExpression(c);
    }
    if (e instanceof Subscript s) {
      String base = s.base() instanceof Name ? print(s.base()) : "(" + print(s.base()) + ")";
      return base + "[" + print(s.index()) + "]";
    }
    Collate c = (Collate) e;
    return print(c.operand(), UNARY) + " collate " + name(c.collation());
  }

  private static String caseExpression(Case c) {
    StringBuilder sb = new StringBuilder("case ");
    if (c.subject() != null) {
      sb.append(print(c.subject())).append(' ');
    }
    for (When w : c.whens()) {
      sb.append("when ").append(print(w.condition())).append(" then ").append(print(w.result())).append(' ');
    }
    if (c.otherwise() != null) {
      sb.append("else ").append(print(c.otherwise())).append(' ');
    }
    return sb.append("end").toString();
  }

  private static String spell(String op) {
    return SPELLINGS.getOrDefault(op, op);
  }

  private static String name(List<String> parts) {
    return parts.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining("."));
  }

  private static String list(List<Expr> items) {
    return items.stream().map(ExpressionPrinter::print).collect(Collectors.joining(", "));
  }
}
