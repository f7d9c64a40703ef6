package dev.autogen.model.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Syntax tree of the SQL expression subset that appears in DDL (check constraints, index
 * predicates, column defaults). {@link ExpressionParser} builds it, {@link ExpressionCanonicalizer}
 * rewrites it, {@link ExpressionPrinter} prints it. Operators are kept under their PostgreSQL
 * operator names ({@code LIKE} is {@code ~~}, {@code NOT ILIKE} is {@code !~~*}), as PostgreSQL's
 * grammar ({@code src/backend/parser/gram.y}) itself translates them.
 */
sealed interface Expr {

  /** A column reference, possibly qualified: {@code a}, {@code t.a}. @param parts exact names */
  record Name(List<String> parts) implements Expr {
    /** @throws NullPointerException when parts is null */
    public Name {
      parts = List.copyOf(parts);
    }
  }

  /** A string constant. @param value the decoded value */
  record Str(String value) implements Expr {
    /** @throws NullPointerException when value is null */
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A numeric constant.
   *
   * @param text canonical digits: optional {@code -}, no leading zeros, no exponent, the written
   *     scale kept ({@code 1.50} stays {@code 1.50}: numeric keeps its display scale)
   */
  record Num(String text) implements Expr {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int MAX_EXPONENT = 1000;

    /** @throws NullPointerException when text is null */
    public Num {
      Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a numeric literal. PostgreSQL types a literal with a decimal point or an exponent as
     * {@code numeric} and one without as {@code integer}, {@code bigint} or {@code numeric} by size
     * ("4.1.2.6. Numeric Constants"); when the canonical digits would read as another type (as
     * {@code 1e3} would read as the integer {@code 1000}), the result is an explicit cast, the form
     * in which {@code ruleutils.c} deparses such constants ({@code '1000'::numeric}).
     *
     * @param literal digits as the lexer read them, optionally with a leading {@code -}
     * @return a {@link Num}, or a {@link Cast} of one to {@code numeric}
     * @throws ExpressionSyntaxException when literal is not a number or its exponent is absurd
     */
    static Expr parse(String literal) {
      String text = canonical(literal);
      boolean decimal = literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0;
      Num num = new Num(text);
      if (decimal && !num.naturalType().equals("numeric")) {
        return new Cast(num, new TypeName("numeric", List.of(), 0));
      }
      return num;
    }

    /**
     * @param literal a number, optionally signed, possibly with an exponent
     * @return its canonical digits (see {@link #text()})
     * @throws ExpressionSyntaxException when literal is not a number or its exponent is absurd
     */
    static String canonical(String literal) {
      BigDecimal value;
      try {
        value = new BigDecimal(literal.trim());
      } catch (NumberFormatException e) {
        throw new ExpressionSyntaxException("not a number: " + literal);
      }
      if (Math.abs(value.scale()) > MAX_EXPONENT) {
        throw new ExpressionSyntaxException("exponent out of range: " + literal);
      }
      return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }

    /** @return this constant negated; zero stays zero */
    Num negate() {
      return new Num(new BigDecimal(text).negate().toPlainString());
    }

    /** @return whether the constant has no fractional part as written */
    boolean integral() {
      return text.indexOf('.') < 0;
    }

    /**
     * @return the type PostgreSQL gives this text as a literal: {@code integer}, {@code bigint} or
     *     {@code numeric}
     */
    String naturalType() {
      if (!integral()) {
        return "numeric";
      }
      BigInteger v = new BigInteger(text);
      if (v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0) {
        return "integer";
      }
      return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0 ? "bigint" : "numeric";
    }
  }

  /**
   * A key word constant or SQL-standard value function: {@code true}, {@code false}, {@code null},
   * {@code current_timestamp}, {@code current_date}, {@code current_user}, {@code localtimestamp(3)}.
   *
   * @param sql its lower-case SQL text
   */
  record Keyword(String sql) implements Expr {
    /** The constant {@code null}. */
    static final Keyword NULL = new Keyword("null");
    /** The constant {@code true}. */
    static final Keyword TRUE = new Keyword("true");
    /** The constant {@code false}. */
    static final Keyword FALSE = new Keyword("false");

    /** @throws NullPointerException when sql is null */
    public Keyword {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /** A function call. @param name exact name parts @param args arguments */
  record Call(List<String> name, List<Expr> args) implements Expr {
    /** @throws NullPointerException when name or args is null */
    public Call {
      name = List.copyOf(name);
      args = List.copyOf(args);
    }

    /** @return the unqualified function name */
    String simpleName() {
      return name.get(name.size() - 1);
    }
  }

  /** {@code operand::type}. @param operand the value @param type the target type */
  record Cast(Expr operand, TypeName type) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Cast {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A prefix operator: {@code -x}. @param op the operator @param operand its operand */
  record Unary(String op, Expr operand) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** An infix operator: {@code a + b}, {@code a = b}, {@code a ~~ b}. @param op its name */
  record Binary(String op, Expr left, Expr right) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code AND} or {@code OR} of two or more terms. @param and true for AND @param terms terms */
  record Bool(boolean and, List<Expr> terms) implements Expr {
    /** @throws NullPointerException when terms is null */
    public Bool {
      terms = List.copyOf(terms);
    }
  }

  /** {@code NOT operand}. @param operand the negated expression */
  record Not(Expr operand) implements Expr {
    /** @throws NullPointerException when operand is null */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code operand IS [NOT] NULL|TRUE|FALSE|UNKNOWN}.
   *
   * @param operand the tested value
   * @param predicate {@code null}, {@code true}, {@code false} or {@code unknown}
   * @param negated whether {@code NOT} was written
   */
  record IsTest(Expr operand, String predicate, boolean negated) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public IsTest {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(predicate, "predicate");
    }
  }

  /** {@code left IS [NOT] DISTINCT FROM right}. */
  record Distinct(Expr left, Expr right, boolean negated) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Distinct {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code operand [NOT] IN (items)}. */
  record InList(Expr operand, List<Expr> items, boolean negated) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public InList {
      Objects.requireNonNull(operand, "operand");
      items = List.copyOf(items);
    }
  }

  /** {@code operand [NOT] BETWEEN [SYMMETRIC] low AND high}. */
  record Between(Expr operand, Expr low, Expr high, boolean negated, boolean symmetric) implements Expr {
    /** @throws NullPointerException when an expression is null */
    public Between {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }
  }

  /** {@code left op ANY (array)} or {@code left op ALL (array)}. */
  record Quantified(String op, boolean all, Expr left, Expr array) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Quantified {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(array, "array");
    }
  }

  /** {@code ARRAY[elements]}. */
  record ArrayOf(List<Expr> elements) implements Expr {
    /** @throws NullPointerException when elements is null */
    public ArrayOf {
      elements = List.copyOf(elements);
    }
  }

  /**
   * {@code CASE [subject] WHEN ... THEN ... [ELSE otherwise] END}.
   *
   * @param subject the compared value of a simple CASE, or null for a searched CASE
   * @param whens the branches, at least one
   * @param otherwise the ELSE result, or null
   */
  record Case(Expr subject, List<When> whens, Expr otherwise) implements Expr {
    /** @throws NullPointerException when whens is null */
    public Case {
      whens = List.copyOf(whens);
    }
  }

  /** One {@code WHEN condition THEN result} branch of a {@link Case}. */
  record When(Expr condition, Expr result) {
    /** @throws NullPointerException when an argument is null */
    public When {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(result, "result");
    }
  }

  /** {@code base[index]}. */
  record Subscript(Expr base, Expr index) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Subscript {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(index, "index");
    }
  }

  /** {@code operand COLLATE collation}. @param collation exact name parts */
  record Collate(Expr operand, List<String> collation) implements Expr {
    /** @throws NullPointerException when an argument is null */
    public Collate {
      Objects.requireNonNull(operand, "operand");
      collation = List.copyOf(collation);
    }
  }
}
