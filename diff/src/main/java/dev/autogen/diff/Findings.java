package dev.autogen.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the comparators find while they walk two catalogs: the changes (unordered), which of them
 * are relaxations, the relaxations left out by policy, and the objects left alone as unmanaged.
 * Mutable and local to one {@link SchemaDiff#diff} call.
 */
final class Findings {

  final List<Change> changes = new ArrayList<>();
  final Set<Change> relaxations = new HashSet<>();
  final List<Change> keptStricter = new ArrayList<>();
  final List<UnmanagedObject> unmanaged = new ArrayList<>();

  /** @param change a change to make */
  void change(Change change) {
    changes.add(change);
  }

  /** @param change a change to make that only loosens what the database enforces */
  void relaxation(Change change) {
    changes.add(change);
    relaxations.add(change);
  }

  /** @param object an object only the database has, to leave alone */
  void unmanaged(UnmanagedObject object) {
    unmanaged.add(object);
  }
}
