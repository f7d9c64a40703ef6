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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites an expression tree into one canonical tree per meaning, undoing what PostgreSQL's parse
 * analysis and deparser ({@code src/backend/parser/parse_expr.c}, {@code
 * src/backend/utils/adt/ruleutils.c}) add or change, so that the expression as written and as
 * {@code pg_get_constraintdef}/{@code pg_get_expr} return it become the same tree:
 *
 * <ul>
 *   <li>implicit casts are dropped: of a literal to a character, numeric or boolean type, of a column
 *       to {@code text}/{@code character varying}/{@code numeric}/{@code double precision}, of any
 *       value to {@code text}, of an array constructor to such an array type; never a cast with a
 *       length, precision or scale, and never a numeric cast below a division, where it decides
 *       between integer and exact division; constants the deparser spells as strings
 *       ({@code '-1'::integer}) become numbers;
 *   <li>{@code x IN (a, b)} and {@code x = ANY (ARRAY[a, b])} become one form, split as {@code
 *       transformAExprIn} splits it: constants into one list (in the order of their printed text,
 *       each once: a set), items that reference columns into {@code x = item} terms joined by OR
 *       (AND for NOT IN);
 *   <li>{@code BETWEEN} expands as {@code transformAExprBetween} expands it;
 *   <li>{@code NOT} is pushed inward as the planner's {@code negate_clause} ({@code
 *       src/backend/optimizer/prep/prepqual.c}) does: through AND/OR, into IS tests, IN lists and
 *       operators with a negator ({@code NOT (a = b)} is {@code a <> b}), {@code NOT NOT x} is x;
 *   <li>{@code now()} and {@code transaction_timestamp()} are {@code current_timestamp} ("9.9.5.
 *       Current Date/Time"), {@code character_length} is {@code char_length};
 *   <li>nested AND/OR are flattened; {@code ELSE NULL} of a CASE is dropped.
 * </ul>
 */
final class ExpressionCanonicalizer {

  private static final Map<String, String> NEGATORS = Map.ofEntries(
      Map.entry("=", "<>"), Map.entry("<>", "="), Map.entry("<", ">="), Map.entry(">=", "<"),
      Map.entry(">", "<="), Map.entry("<=", ">"), Map.entry("~~", "!~~"), Map.entry("!~~", "~~"),
      Map.entry("~~*", "!~~*"), Map.entry("!~~*", "~~*"), Map.entry("~", "!~"), Map.entry("!~", "~"),
      Map.entry("~*", "!~*"), Map.entry("!~*", "~*"));
  private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "^");
  /** Functions whose result type is their argument's type, so argument casts reach the caller. */
  private static final Set<String> TYPE_PRESERVING = Set.of("coalesce", "nullif", "greatest", "least", "abs");
  private static final Set<String> CURRENT_TIMESTAMP = Set.of("now", "transaction_timestamp");
  private static final Map<String, String> FUNCTION_ALIASES = Map.of("character_length", "char_length");
  private static final Pattern NUMBER_TEXT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");
  private static final Set<String> TRUE_TEXT = Set.of("t", "true", "y", "yes", "on", "1");
  private static final Set<String> FALSE_TEXT = Set.of("f", "false", "n", "no", "off", "0");

  private ExpressionCanonicalizer() {}

  /**
   * @param expr a parsed expression, never null
   * @return its canonical tree
   */
  static Expr canonicalize(Expr expr) {
    return visit(expr, false);
  }

  /**
   * @param arithmetic whether e is (below arithmetic operators) an operand of a division, where
   *     the numeric type of a value changes the result ({@code 7 / 2} is 3, {@code 7::numeric / 2}
   *     is 3.5) and numeric casts therefore stay
   */
  private static Expr visit(Expr e, boolean arithmetic) {
    if (e instanceof Call c) {
      return call(c, arithmetic);
    }
    if (e instanceof Cast c) {
      return cast(visit(c.operand(), arithmetic), c.type(), arithmetic);
    }
    if (e instanceof Unary u) {
      return unary(u.op(), visit(u.operand(), arithmetic));
    }
    if (e instanceof Binary b) {
      return binary(b, arithmetic);
    }
    if (e instanceof Bool b) {
      return bool(b.and(), b.terms().stream().map(t -> visit(t, false)).toList());
    }
    if (e instanceof Not n) {
      return negate(visit(n.operand(), false));
    }
    if (e instanceof IsTest t) {
      // IS UNKNOWN is IS NULL for the boolean operands it accepts ("9.2. Comparison Predicates")
      String predicate = t.predicate().equals("unknown") ? "null" : t.predicate();
      return new IsTest(visit(t.operand(), false), predicate, t.negated());
    }
    if (e instanceof Distinct d) {
      return new Distinct(visit(d.left(), false), visit(d.right(), false), d.negated());
    }
    if (e instanceof InList l) {
      return inList(visit(l.operand(), false), l.items().stream().map(i -> visit(i, false)).toList(), l.negated());
    }
    if (e instanceof Between b) {
      return between(visit(b.operand(), false), visit(b.low(), false), visit(b.high(), false), b.negated(), b.symmetric());
    }
    if (e instanceof Quantified q) {
      return quantified(q.op(), q.all(), visit(q.left(), false), visit(q.array(), false));
    }
    if (e instanceof ArrayOf a) {
      return new ArrayOf(a.elements().stream().map(x -> visit(x, false)).toList());
    }
    if (e instanceof Case c) {
      return caseExpression(c, arithmetic);
    }
    if (e instanceof Subscript s) {
      return new Subscript(visit(s.base(), false), visit(s.index(), false));
    }
    if (e instanceof Collate c) {
      return new Collate(visit(c.operand(), false), c.collation());
    }
    return e;
  }

  private static Expr call(Call c, boolean arithmetic) {
    List<String> name = c.name().size() == 2 && c.name().get(0).equals("pg_catalog")
        ? List.of(c.name().get(1)) : c.name();
    String simple = c.simpleName();
    boolean passThrough = name.size() == 1 && TYPE_PRESERVING.contains(simple);
    List<Expr> args = c.args().stream().map(a -> visit(a, passThrough && arithmetic)).toList();
    if (name.size() == 1 && args.isEmpty() && CURRENT_TIMESTAMP.contains(simple)) {
      return new Keyword("current_timestamp");
    }
    if (name.size() == 1 && FUNCTION_ALIASES.containsKey(simple)) {
      name = List.of(FUNCTION_ALIASES.get(simple));
    }
    return new Call(name, args);
  }

  private static Expr cast(Expr operand, TypeName type, boolean arithmetic) {
    boolean scalar = type.dimensions() == 0;
    Expr value = operand;
    if (value instanceof Str s && scalar && TypeName.NUMERIC_TYPES.contains(type.name())
        && NUMBER_TEXT.matcher(s.value()).matches()) {
      value = new Num(Num.canonical(s.value()));
    }
    if (value instanceof Str s && scalar && type.name().equals("boolean")) {
      String text = s.value().trim().toLowerCase(Locale.ROOT);
      value = TRUE_TEXT.contains(text) ? Keyword.TRUE : FALSE_TEXT.contains(text) ? Keyword.FALSE : value;
    }
    if (value instanceof Num n && scalar && type.unmodified() && n.naturalType().equals(type.name())) {
      return n;
    }
    if ((value.equals(Keyword.TRUE) || value.equals(Keyword.FALSE)) && scalar && type.name().equals("boolean")) {
      return value;
    }
    return implicit(value, type, arithmetic) ? value : new Cast(value, type);
  }

  /** Whether {@code operand::type} is a cast PostgreSQL adds itself, so dropping it keeps the meaning. */
  private static boolean implicit(Expr operand, TypeName type, boolean arithmetic) {
    if (!type.unmodified()) {
      return false;
    }
    String name = type.name();
    boolean array = type.dimensions() > 0;
    boolean numeric = TypeName.NUMERIC_TYPES.contains(name);
    boolean emptyArray = operand instanceof ArrayOf a && a.elements().isEmpty();
    if (operand instanceof Str || operand.equals(Keyword.NULL) || operand instanceof ArrayOf && array && !emptyArray) {
      return TypeName.LITERAL_TEXT_TYPES.contains(name) || name.equals("boolean") || numeric && (array || !arithmetic);
    }
    if (operand instanceof Num n) {
      return !array && numeric && !arithmetic && (n.integral() || !TypeName.INTEGER_TYPES.contains(name));
    }
    if (operand instanceof Name) {
      return TypeName.TEXT_TYPES.contains(name) || TypeName.WIDE_NUMERIC_TYPES.contains(name) && !arithmetic;
    }
    boolean value = operand instanceof Call || operand instanceof Cast || operand instanceof Subscript
        || operand instanceof Case || operand instanceof Keyword;
    return value && TypeName.TEXT_TYPES.contains(name);
  }

  private static Expr unary(String op, Expr operand) {
    if (op.equals("+")) {
      return operand;
    }
    if (op.equals("-") && operand instanceof Num n) {
      return n.negate();
    }
    if (op.equals("-") && operand instanceof Cast c && c.operand() instanceof Num n) {
      return new Cast(n.negate(), c.type());
    }
    return new Unary(op, operand);
  }

  private static Expr binary(Binary b, boolean arithmetic) {
    boolean operandsArithmetic = b.op().equals("/") || arithmetic && ARITHMETIC.contains(b.op());
    Expr left = visit(b.left(), operandsArithmetic);
    Expr right = visit(b.right(), operandsArithmetic);
    if (operandsArithmetic) {
      // 2 in "x::numeric / 2::numeric" is cast to numeric by the other operand's type anyway
      left = withoutCastTo(left, numericType(right));
      right = withoutCastTo(right, numericType(left));
    }
    return new Binary(b.op(), left, right);
  }

  private static String numericType(Expr e) {
    if (e instanceof Num n) {
      return n.naturalType();
    }
    if (e instanceof Cast c && c.type().dimensions() == 0 && TypeName.NUMERIC_TYPES.contains(c.type().name())) {
      return c.type().name();
    }
    return null;
  }

  private static Expr withoutCastTo(Expr e, String type) {
    if (type != null && e instanceof Cast c && c.operand() instanceof Num && c.type().unmodified()
        && c.type().dimensions() == 0 && c.type().name().equals(type)) {
      return c.operand();
    }
    return e;
  }

  /**
   * {@code x IN (...)} split as {@code transformAExprIn} splits it; the constants of the list are a
   * set (the {@code x = item} terms are ORed, AND for NOT IN, and OR and AND do not depend on the
   * order of their terms, "9.1. Logical Operators"), so they are put in one order, that of their
   * printed text, and a repeated one is kept once: {@code status IN ('B', 'A')} written by one
   * migration and {@code status IN ('A', 'B')} by Hibernate's enum check mean the same.
   */
  private static Expr inList(Expr operand, List<Expr> items, boolean negated) {
    List<Expr> constants = items.stream().filter(i -> !referencesColumn(i))
        .collect(java.util.stream.Collectors.toMap(ExpressionPrinter::print, i -> i, (a, b) -> a, java.util.TreeMap::new))
        .values().stream().toList();
    List<Expr> terms = new ArrayList<>();
    List<Expr> rest = items;
    if (constants.size() > 1) {
      terms.add(new InList(operand, constants, negated));
      rest = items.stream().filter(ExpressionCanonicalizer::referencesColumn).toList();
    }
    for (Expr item : rest) {
      terms.add(new Binary(negated ? "<>" : "=", operand, item));
    }
    return bool(negated, terms);
  }

  private static boolean referencesColumn(Expr e) {
    if (e instanceof Name) {
      return true;
    }
    return children(e).stream().anyMatch(ExpressionCanonicalizer::referencesColumn);
  }

  private static List<Expr> children(Expr e) {
    List<Expr> list = new ArrayList<>();
    if (e instanceof Call c) {
      list.addAll(c.args());
    } else if (e instanceof Cast c) {
      list.add(c.operand());
    } else if (e instanceof Unary u) {
      list.add(u.operand());
    } else if (e instanceof Binary b) {
      list.addAll(List.of(b.left(), b.right()));
    } else if (e instanceof Bool b) {
      list.addAll(b.terms());
    } else if (e instanceof Not n) {
      list.add(n.operand());
    } else if (e instanceof IsTest t) {
      list.add(t.operand());
    } else if (e instanceof Distinct d) {
      list.addAll(List.of(d.left(), d.right()));
    } else if (e instanceof InList l) {
      list.add(l.operand());
      list.addAll(l.items());
    } else if (e instanceof Between b) {
      list.addAll(List.of(b.operand(), b.low(), b.high()));
    } else if (e instanceof Quantified q) {
      list.addAll(List.of(q.left(), q.array()));
    } else if (e instanceof ArrayOf a) {
      list.addAll(a.elements());
    } else if (e instanceof Case c) {
      if (c.subject() != null) {
        list.add(c.subject());
      }
      c.whens().forEach(w -> list.addAll(List.of(w.condition(), w.result())));
      if (c.otherwise() != null) {
        list.add(c.otherwise());
      }
    } else if (e instanceof Subscript s) {
      list.addAll(List.of(s.base(), s.index()));
    } else if (e instanceof Collate c) {
      list.add(c.operand());
    }
    return list;
  }

  /** {@code BETWEEN} as {@code transformAExprBetween} expands it. */
  private static Expr between(Expr x, Expr low, Expr high, boolean negated, boolean symmetric) {
    Expr inside = negated
        ? bool(false, List.of(new Binary("<", x, low), new Binary(">", x, high)))
        : bool(true, List.of(new Binary(">=", x, low), new Binary("<=", x, high)));
    if (!symmetric) {
      return inside;
    }
    Expr swapped = negated
        ? bool(false, List.of(new Binary("<", x, high), new Binary(">", x, low)))
        : bool(true, List.of(new Binary(">=", x, high), new Binary("<=", x, low)));
    return bool(negated, List.of(inside, swapped));
  }

  private static Expr quantified(String op, boolean all, Expr left, Expr array) {
    if (array instanceof ArrayOf a && !a.elements().isEmpty()
        && (op.equals("=") && !all || op.equals("<>") && all)) {
      return inList(left, a.elements(), all);
    }
    return new Quantified(op, all, left, array);
  }

  private static Expr caseExpression(Case c, boolean arithmetic) {
    Expr subject = c.subject() == null ? null : visit(c.subject(), false);
    List<When> whens = c.whens().stream()
        .map(w -> new When(visit(w.condition(), false), visit(w.result(), arithmetic))).toList();
    Expr otherwise = c.otherwise() == null ? null : visit(c.otherwise(), arithmetic);
    if (otherwise != null && isNullConstant(otherwise)) {
      otherwise = null;
    }
    return new Case(subject, whens, otherwise);
  }

  private static boolean isNullConstant(Expr e) {
    return e.equals(Keyword.NULL) || e instanceof Cast c && isNullConstant(c.operand());
  }

  /** {@code NOT e}, pushed inward as {@code negate_clause} does. */
  private static Expr negate(Expr e) {
    if (e instanceof Not n) {
      return n.operand();
    }
    if (e instanceof Bool b) {
      return bool(!b.and(), b.terms().stream().map(ExpressionCanonicalizer::negate).toList());
    }
    if (e instanceof IsTest t) {
      return new IsTest(t.operand(), t.predicate(), !t.negated());
    }
    if (e instanceof Distinct d) {
      return new Distinct(d.left(), d.right(), !d.negated());
    }
    if (e instanceof InList l) {
      return new InList(l.operand(), l.items(), !l.negated());
    }
    if (e instanceof Binary b && NEGATORS.containsKey(b.op())) {
      return new Binary(NEGATORS.get(b.op()), b.left(), b.right());
    }
    if (e instanceof Quantified q && NEGATORS.containsKey(q.op())) {
      return new Quantified(NEGATORS.get(q.op()), !q.all(), q.left(), q.array());
    }
    if (e.equals(Keyword.TRUE) || e.equals(Keyword.FALSE)) {
      return e.equals(Keyword.TRUE) ? Keyword.FALSE : Keyword.TRUE;
    }
    return new Not(e);
  }

  /** AND or OR of terms, nested terms of the same kind flattened; one term is itself. */
  private static Expr bool(boolean and, List<Expr> terms) {
    List<Expr> flat = new ArrayList<>();
    for (Expr t : terms) {
      if (t instanceof Bool b && b.and() == and) {
        flat.addAll(b.terms());
      } else {
        flat.add(t);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Bool(and, flat);
  }
}
