package dev.autogen.diff;

import java.util.List;

/**
 * Thrown by {@link ObjectExplainer} when the object to explain is neither a table nor a column on
 * either side.
 */
public final class UnknownObjectException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> closeNames;

  /**
   * @param object the object as the user wrote it, never null
   * @param closeNames existing names that look like it, best first, possibly empty, never null
   */
  public UnknownObjectException(String object, List<String> closeNames) {
    super("no table or column " + object + " in the database or the entities"
        + (closeNames.isEmpty() ? "" : "; close names: " + String.join(", ", closeNames)));
    this.closeNames = List.copyOf(closeNames);
  }

  /** @return existing names that look like the unknown one, best first */
  public List<String> closeNames() {
    return closeNames;
  }
}
