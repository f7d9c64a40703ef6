package dev.autogen.bench.replay;

import dev.autogen.bench.GeneratedSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Flyway history that builds a {@link GeneratedSchema}'s DDL in M versioned migrations: the tables
 * in order, split as evenly as M allows, each with its unique constraint, its index and its foreign key
 * to the previous table (created by then). Applied in order, it gives the same schema as {@link
 * GeneratedSchema#ddl()}, so the entities' drift is the schema's.
 *
 * @param schema the schema, never null
 * @param migrations M, from 1 to the number of tables
 */
public record GeneratedHistory(GeneratedSchema schema, int migrations) {

  /** @throws IllegalArgumentException when M is below 1 or above the number of tables */
  public GeneratedHistory {
    if (migrations < 1 || migrations > schema.tables()) {
      throw new IllegalArgumentException("between 1 and " + schema.tables() + " migrations, not " + migrations);
    }
  }

  /**
   * @return Flyway file name ({@code V<k>__tables_<first table>.sql}, k from 1) to SQL text, statements
   *     ending in {@code ;} one a line, in version order
   */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    int tables = schema.tables();
    for (int k = 0; k < migrations; k++) {
      int from = k * tables / migrations;
      int to = (k + 1) * tables / migrations;
      StringBuilder sql = new StringBuilder();
      for (int i = from; i < to; i++) {
        statements(i).forEach(s -> sql.append(s).append(";\n"));
      }
      files.put(String.format(Locale.ROOT, "V%d__tables_%05d.sql", k + 1, from), sql.toString());
    }
    return files;
  }

  /** @return how many statements the history holds */
  public int statements() {
    int count = 0;
    for (int i = 0; i < schema.tables(); i++) {
      count += statements(i).size();
    }
    return count;
  }

  /**
   * Writes the migrations into a directory, and the same SQL as one script (the files' texts in version
   * order) beside it.
   *
   * @param directory the migrations directory, created when missing
   * @param script the file to hold the whole history as one script
   * @throws IOException when a file cannot be written
   */
  public void write(Path directory, Path script) throws IOException {
    Files.createDirectories(directory);
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, String> file : files().entrySet()) {
      Files.writeString(directory.resolve(file.getKey()), file.getValue());
      all.append(file.getValue());
    }
    Files.writeString(script, all.toString());
  }

  private List<String> statements(int table) {
    List<String> statements = new ArrayList<>(schema.tableStatements(table));
    statements.add(schema.foreignKey(table));
    return statements;
  }
}
