package dev.autogen.bench;

import java.util.List;

/**
 * A tool a user would pick instead of autogen, measured beside it in the same benchmark run on the
 * same database and compiled entities: run as a whole process of its own, its standard output read
 * for the changes it reports.
 */
public interface Peer {

  /** @return the name in the table, with the tool's version and any JVM options, never null */
  String label();

  /**
   * @param subject the database and entities to compare, never null
   * @return the command line, never null
   */
  List<String> command(Subject subject);

  /**
   * @param stdout what a successful run printed on standard output, never null
   * @return how many changes (statements, changesets) it reports
   */
  int changesReported(String stdout);
}
