package dev.autogen.bench.liquibase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated JPA persistence unit: {@code META-INF/persistence.xml} (Jakarta Persistence 3.0 schema)
 * in a directory that goes on the class path, listing the entity classes and setting the Hibernate
 * dialect. It is what {@code hibernate:ejb3:NAME} reference URLs of liquibase-hibernate6 resolve:
 * {@code HibernateEjb3Database} asks Hibernate's {@code HibernatePersistenceProvider} for the unit of
 * that name, builds its entity manager factory without a connection, and reads the boot metadata.
 * The classes are listed with {@code exclude-unlisted-classes}, so Hibernate scans nothing.
 *
 * @param directory the class path root holding {@code META-INF/persistence.xml}
 * @param name the unit's name
 */
record PersistenceUnit(Path directory, String name) {

  /** The dialect of the benchmark's database; liquibase-hibernate6 needs it named. */
  static final String DIALECT = "org.hibernate.dialect.PostgreSQLDialect";

  /**
   * @param directory an empty directory to write {@code META-INF/persistence.xml} into
   * @param name the unit's name, a plain word
   * @param classes the unit's managed classes, never empty
   * @return the unit
   * @throws IOException when the file cannot be written
   */
  static PersistenceUnit write(Path directory, String name, List<Class<?>> classes) throws IOException {
    String listed = classes.stream().map(c -> "    <class>" + c.getName() + "</class>\n").collect(Collectors.joining());
    Path file = directory.resolve("META-INF/persistence.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        <?xml version="1.0" encoding="UTF-8"?>
        <persistence xmlns="https://jakarta.ee/xml/ns/persistence"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="https://jakarta.ee/xml/ns/persistence https://jakarta.ee/xml/ns/persistence/persistence_3_0.xsd"
            version="3.0">
          <persistence-unit name="%s" transaction-type="RESOURCE_LOCAL">
        %s    <exclude-unlisted-classes>true</exclude-unlisted-classes>
            <properties>
              <property name="hibernate.dialect" value="%s"/>
            </properties>
          </persistence-unit>
        </persistence>
        """.formatted(name, listed, DIALECT));
    return new PersistenceUnit(directory, name);
  }

  /** @return the Liquibase reference URL of this unit: {@code hibernate:ejb3:NAME?dialect=...} */
  String referenceUrl() {
    return "hibernate:ejb3:" + name + "?dialect=" + DIALECT;
  }
}
