package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.rename.RenamesFile;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed renames file: read, merged with --rename, appended to without loss, and its errors. */
class RenamesFileTest {

  @Test
  void appendingKeepsEveryExistingByteAndAddsOnlyNewRenames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("autogen-renames.properties");
    String before = "# kept\r\nclient = customer\n\n! also a comment\norder_line.qty=quantity";
    Files.writeString(file, before);

    List<String> added = RenamesFile.append(file, List.of("client=customer", "customer.full_name=display_name"));

    assertThat(added).containsExactly("customer.full_name=display_name");
    assertThat(Files.readString(file)).isEqualTo(before + "\ncustomer.full_name=display_name\n");
    assertThat(RenamesFile.read(file)).extracting(RenamesFile.Entry::spec)
        .containsExactly("client=customer", "order_line.qty=quantity", "customer.full_name=display_name");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aLineThatIsNotOldEqualsNewNamesItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("renames.properties");
    Files.writeString(file, "# renames\ncustomer.full_name\n");

    assertThatThrownBy(() -> RenamesFile.read(file)).isInstanceOf(AutogenException.class)
        .hasMessage(file + ":2: expected old=new, e.g. customer.full_name=display_name or old_table=new_table,"
            + " not 'customer.full_name'");
  }

  @Test
  void theFileConfirmsRenamesLikeRenameAndIsIgnoredOnceTheDatabaseShowsThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("renames.properties");
    Files.writeString(file, "customer.full_name=display_name\n");
    try (TestDatabase db = TestDatabase.create("renamesfile")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result before = Cli.run(Cli.command("diff", Cli.against(db, 2, "--renames-file", file.toString())));
      db.execute("alter table customer rename column full_name to display_name");
      Cli.Result after = Cli.run(Cli.command("diff", Cli.against(db, 2, "--renames-file", file.toString(),
          "--rename", "customer.full_name=display_name")));

      assertThat(before.code()).as(before.err()).isZero();
      assertThat(before.out()).contains("rename column public.customer.full_name to display_name")
          .doesNotContain("SUSPECTED_RENAME");
      assertThat(after.code()).as(after.err()).isZero();
      assertThat(after.out()).doesNotContain("rename column", "full_name");
    }
  }

  @Test
  void aRenameInTheFileThatNamesNothingIsAOneLineUsageError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("renames.properties");
    Files.writeString(file, "# ok\ncustomer.nickname=display_name\n");
    try (TestDatabase db = TestDatabase.create("renamesbad")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result r = Cli.run(Cli.command("check", Cli.against(db, 2, "--renames-file", file.toString())));

      assertThat(r.code()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).isEqualTo("autogen: " + file + ":2: customer.nickname=display_name: table public.customer"
          + " has no column nickname" + System.lineSeparator());
    }
  }
}
