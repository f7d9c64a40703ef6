package dev.autogen.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why autogen considers one table or column equal or different on the two sides: both sides as read,
 * then one finding per aspect naming the rule that decided it, then what the plan does about the
 * object. Produced by {@link ObjectExplainer}; printed by {@code autogen diff --explain}.
 *
 * @param subject what is explained, e.g. {@code column public.customer.email}, never null
 * @param notes remarks on how the object was found (a confirmed rename), never null
 * @param database the database side as read (the current schema), or a line saying it is absent;
 *     never null
 * @param entities the entities side as read (the target schema), likewise; never null
 * @param findings one per aspect, in a fixed order, never null
 * @param plan the one-line descriptions of the plan's changes on the object, empty when there is
 *     nothing to do, never null
 */
public record Explanation(
    String subject, List<String> notes, String database, String entities, List<Finding> findings,
    List<String> plan) {

  /**
   * @param aspect what is compared, e.g. {@code type}, {@code unique (email)}, never null
   * @param same whether the two sides agree on it
   * @param reason the two sides and the rule that made them equal or different, never null
   */
  public record Finding(String aspect, boolean same, String reason) {
    /** @throws NullPointerException when an argument is null */
    public Finding {
      Objects.requireNonNull(aspect, "aspect");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** @throws NullPointerException when an argument is null */
  public Explanation {
    Objects.requireNonNull(subject, "subject");
    notes = List.copyOf(notes);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(entities, "entities");
    findings = List.copyOf(findings);
    plan = List.copyOf(plan);
  }

  /** @return whether the plan does nothing about the object */
  public boolean same() {
    return plan.isEmpty();
  }

  /**
   * @param aspect an aspect name, e.g. {@code default}
   * @return the first finding on that aspect
   * @throws IllegalArgumentException when there is none
   */
  public Finding finding(String aspect) {
    return findings.stream().filter(f -> f.aspect().equals(aspect)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no finding on " + aspect + " in " + findings));
  }

  /**
   * @return the explanation as text lines: the subject, notes, both sides, each finding as {@code
   *     aspect: reason}, and the verdict with the plan's changes
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(subject);
    notes.forEach(n -> lines.add("  note: " + n));
    lines.add("  database (current): " + database);
    lines.add("  entities (target):  " + entities);
    findings.forEach(f -> lines.add("  " + f.aspect() + ": " + f.reason()));
    if (plan.isEmpty()) {
      lines.add("verdict: equal - autogen changes nothing here");
    } else {
      lines.add("verdict: different - autogen plans " + plan.size() + (plan.size() == 1 ? " change:" : " changes:"));
      plan.forEach(p -> lines.add("  - " + p));
    }
    return lines;
  }
}
