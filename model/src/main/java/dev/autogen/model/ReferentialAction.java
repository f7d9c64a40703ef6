package dev.autogen.model;

/**
 * The action a foreign key takes when the referenced row is deleted or updated (SQL standard,
 * PostgreSQL "5.4.5. Foreign Keys").
 */
public enum ReferentialAction {
  /** Fail at the end of the statement if referencing rows remain (the default). */
  NO_ACTION("no action"),
  /** Fail at once if referencing rows exist. */
  RESTRICT("restrict"),
  /** Delete or update the referencing rows too. */
  CASCADE("cascade"),
  /** Set the referencing columns to NULL. */
  SET_NULL("set null"),
  /** Set the referencing columns to their defaults. */
  SET_DEFAULT("set default");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** @return the SQL keywords for this action, lower case, e.g. {@code set null} */
  public String sql() {
    return sql;
  }
}
