package dev.autogen.cli.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The include lines added to masters, each read back by Liquibase's own parser. */
class MasterIncludeTest {

  /** A directory name with every character the formats quote. */
  private static final String ODD = "db/it's a \"x\" & <y>: #z";

  private static List<String> parsedFiles(Path dir, String master, String text) throws Exception {
    Files.writeString(dir.resolve(master), text);
    DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(dir);
    DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(master, accessor)
        .parse(master, new ChangeLogParameters(), accessor);
    return log.getChangeSets().stream().map(c -> c.getFilePath()).toList();
  }

  private static void child(Path dir, String file) throws Exception {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "databaseChangeLog:\n  - changeSet:\n      id: '" + file.replace("'", "''")
        + "'\n      author: a\n      changes:\n        - sql: select 1\n");
  }

  @Test
  void xmlGetsTheIncludeBeforeTheClosingElementIndentedAsItsSiblings(@TempDir Path dir) throws Exception {
    child(dir, "a.yaml");
    child(dir, ODD + "/b.yaml");
    String master = """
        <?xml version="1.0"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          <include file="a.yaml"/></databaseChangeLog>""";

    String text = MasterInclude.append(master, "xml", ODD + "/b.yaml");

    assertThat(text).endsWith("""
          <include file="a.yaml"/>
          <include file="db/it&apos;s a &quot;x&quot; &amp; &lt;y&gt;: #z/b.yaml" relativeToChangelogFile="false"/>
        </databaseChangeLog>""");
    assertThat(parsedFiles(dir, "master.xml", text))
        .containsExactly("a.yaml", ODD + "/b.yaml");
  }

  @Test
  void yamlGetsAListItemAtItsIndentationEvenWithoutAFinalLineFeed(@TempDir Path dir) throws Exception {
    child(dir, "a.yaml");
    child(dir, ODD + "/b.yaml");

    String text = MasterInclude.append("databaseChangeLog:\n    - include:\n        file: a.yaml", "yaml", ODD + "/b.yaml");

    assertThat(text).isEqualTo("databaseChangeLog:\n    - include:\n        file: a.yaml\n    - include:\n"
        + "        file: 'db/it''s a \"x\" & <y>: #z/b.yaml'\n");
    assertThat(parsedFiles(dir, "master.yaml", text)).containsExactly("a.yaml", ODD + "/b.yaml");
  }

  @Test
  void jsonGetsAnObjectAtTheEndOfTheArrayEmptyOrNot(@TempDir Path dir) throws Exception {
    child(dir, ODD + "/b.yaml");

    String text = MasterInclude.append("{\"databaseChangeLog\": [\n]}\n", "json", ODD + "/b.yaml");

    assertThat(text).isEqualTo("{\"databaseChangeLog\": [\n    {\"include\": {\"file\": "
        + "\"db/it's a \\\"x\\\" & <y>: #z/b.yaml\"}}\n]}\n");
    assertThat(parsedFiles(dir, "master.json", text)).containsExactly(ODD + "/b.yaml");
  }

  @Test
  void aMasterWithoutAPlaceForTheIncludeIsRefused() {
    assertThatThrownBy(() -> MasterInclude.append("<databaseChangeLog/>", "xml", "b.xml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no closing </databaseChangeLog> element");
    assertThatThrownBy(() -> MasterInclude.append("{}", "json", "b.xml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no JSON array");
    assertThatThrownBy(() -> MasterInclude.append("--liquibase formatted sql", "sql", "b.xml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not sql");
  }
}
