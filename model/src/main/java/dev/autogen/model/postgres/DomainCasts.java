package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Expr.Cast;
import dev.autogen.model.postgres.Expr.Name;
import java.util.Map;
import java.util.Objects;

/**
 * Removes the casts PostgreSQL's parse analysis puts on a column of a domain type where an operator or
 * function needs its base type: a check {@code quantity > 0} on a column of {@code create domain qty
 * as integer} is stored and deparsed as {@code ((quantity)::integer > 0)}, the same check on an
 * {@code integer} column as {@code (quantity > 0)} ({@code coerce_type} in {@code parse_coerce.c}
 * relabels a domain value to its base type, and {@code ruleutils.c} prints the relabelling). A value
 * cast from a domain to its own base type is the same value, so the cast means nothing once the column
 * is compared by its base type.
 */
final class DomainCasts {

  private DomainCasts() {}

  /**
   * @param expr a parsed expression, never null
   * @param baseTypes each domain-typed column's exact name and its base type as a cast target (see
   *     {@link #castTarget(String)}), never null
   * @return the tree without casts of those columns (bare or qualified) to their base type, with or
   *     without its modifiers; other casts stay
   * @throws NullPointerException when an argument is null
   */
  static Expr remove(Expr expr, Map<String, TypeName> baseTypes) {
    Objects.requireNonNull(baseTypes, "baseTypes");
    return ExprTrees.map(expr, node -> node instanceof Cast c && c.operand() instanceof Name n
        && toBaseType(baseTypes.get(n.parts().get(n.parts().size() - 1)), c.type()) ? n : node);
  }

  /**
   * @param spelling a type spelling, e.g. {@code character varying(200)}, never null
   * @return the canonical cast target of that spelling, as a cast {@code x::spelling} would name it
   * @throws ExpressionSyntaxException when the spelling is not a type
   */
  static TypeName castTarget(String spelling) {
    if (ExpressionParser.parse("x::" + spelling) instanceof Cast c) {
      return c.type();
    }
    throw new ExpressionSyntaxException("not a type: " + spelling);
  }

  private static boolean toBaseType(TypeName base, TypeName cast) {
    return base != null && base.name().equals(cast.name()) && base.dimensions() == cast.dimensions()
        && (cast.unmodified() || cast.modifiers().equals(base.modifiers()));
  }
}
