package dev.autogen.bench;

/**
 * The difference injected into every tenth table of a generated schema, so that the benchmark can
 * count what the diff finds: each kind yields exactly one change on its table.
 */
public enum Drift {
  /** The entity has a column {@code extra varchar(20)} that the DDL lacks: one {@code add_column}. */
  ADDED_COLUMN("add_column"),
  /** The entity's {@code name} is {@code varchar(100)}, the DDL's {@code varchar(80)}: one {@code alter_column}. */
  WIDENED_COLUMN("alter_column"),
  /** The DDL lacks the entity's index on {@code name}: one {@code create_index}. */
  MISSING_INDEX("create_index");

  private final String kind;

  Drift(String kind) {
    this.kind = kind;
  }

  /** @return the JSON {@code kind} of the one change this drift causes */
  public String kind() {
    return kind;
  }

  /**
   * @param table the table's number, from 0
   * @return the drift of that table, or null when it has none (only every tenth table drifts, the
   *     kinds taking turns)
   */
  public static Drift of(int table) {
    return table % 10 == 0 ? values()[(table / 10) % values().length] : null;
  }
}
