package dev.autogen.metadata.postgres;

import dev.autogen.model.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;

/**
 * The PostgreSQL enum types Hibernate creates for {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns:
 * {@code PostgreSQLEnumJdbcType} registers an auxiliary database object whose first statement is
 * {@code PostgreSQLDialect.getCreateEnumTypeCommand}, {@code create type <Name> as enum ('A','B')}
 * (plus two implicit casts to and from {@code varchar}, which the model does not hold). The type name
 * is written unqualified and unquoted: PostgreSQL folds it and creates it in the first schema of the
 * search path, taken to be the default schema.
 */
final class NamedEnumTypes {

  private static final Pattern CREATE_ENUM = Pattern.compile(
      "\\s*create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

  private NamedEnumTypes() {}

  /**
   * @param database Hibernate's relational model
   * @return the enum types its auxiliary objects create for PostgreSQL, in no particular order
   */
  static List<EnumType> of(Database database) {
    SqlStringGenerationContext context =
        SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
    List<EnumType> types = new ArrayList<>();
    for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
      if (object.appliesToDialect(database.getDialect())) {
        for (String sql : object.sqlCreateStrings(context)) {
          Matcher m = CREATE_ENUM.matcher(sql);
          if (m.matches()) {
            types.add(new EnumType(PostgresNames.writtenAsIs(m.group(1)), labels(m.group(2))));
          }
        }
      }
    }
    return types;
  }

  private static List<String> labels(String list) {
    List<String> labels = new ArrayList<>();
    Matcher m = LABEL.matcher(list);
    while (m.find()) {
      labels.add(m.group(1).replace("''", "'"));
    }
    return labels;
  }
}
