package dev.autogen.introspect.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from the catalog together with the oid of the table it belongs to.
 *
 * @param tableOid the owning table's {@code pg_class.oid}
 * @param value the value, never null
 * @param <T> the kind of value: a column, an index, a constraint
 */
record Owned<T>(long tableOid, T value) {

  /**
   * @param owned values in query order
   * @param <T> the kind of value
   * @return the values of each table by table oid, each list in query order
   */
  static <T> Map<Long, List<T>> byTable(List<Owned<T>> owned) {
    Map<Long, List<T>> byTable = new HashMap<>();
    for (Owned<T> o : owned) {
      byTable.computeIfAbsent(o.tableOid(), oid -> new ArrayList<>()).add(o.value());
    }
    return byTable;
  }
}
