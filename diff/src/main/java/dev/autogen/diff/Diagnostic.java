package dev.autogen.diff;

import java.util.Objects;

/**
 * One hazard found on one change.
 *
 * @param hazard the stable code, never null
 * @param risk the risk, usually {@code hazard.risk()}, never null
 * @param change the change it is about, never null
 * @param message one line saying what may go wrong, never null
 * @param remedy one line saying what to do about it, never null
 */
public record Diagnostic(Hazard hazard, Risk risk, Change change, String message, String remedy) {

  /** @throws NullPointerException when an argument is null */
  public Diagnostic {
    Objects.requireNonNull(hazard, "hazard");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedy, "remedy");
  }
}
