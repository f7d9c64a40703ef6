package dev.autogen.model;

/**
 * The action a foreign key takes when the referenced row is deleted or updated (SQL standard,
 * PostgreSQL "5.4.5. Foreign Keys").
 */
public enum ReferentialAction {
  NO_ACTION("no action"),
  RESTRICT("restrict"),
  CASCADE("cascade"),
  SET_NULL("set null"),
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
