package dev.autogen.cli;

/** The documented exit codes (DESIGN.md, CLI contract; README "Exit codes"). */
public final class ExitCode {

  /** Success; for {@code check} and {@code diff}: no drift. */
  public static final int OK = 0;
  /** Drift found ({@code check}), or a {@code --fail-on} threshold met. */
  public static final int DRIFT = 1;
  /** Usage, configuration or input error: bad option, no entities, missing directory, bad rename. */
  public static final int USAGE = 2;
  /** Database unreachable, login refused, or the database refused the work (not at head). */
  public static final int DATABASE = 3;

  private ExitCode() {}
}
