package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.catalog.HibernateMajorKeysTest;
import dev.autogen.fixtures.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code .pre-commit-hooks.yaml} with the real {@code pre-commit} tool, in a sample
 * git repository built here: its {@code .pre-commit-config.yaml} is a {@code repo: local} with the hook
 * definition as the repository publishes it, installed as git's pre-commit hook, and {@code autogen}
 * on PATH is this build of the command line. The project replays its migrations ({@code dev-url}) and
 * compares them with the entities of {@code catalog.keys}: a commit whose migrations drift from the
 * entities fails, the commit that fixes them passes, and a commit of files the hook does not match
 * skips it. Skipped (assumption) only when {@code pre-commit} cannot run here.
 */
class PreCommitHookTest {

  /** Hibernate 7.4.6's script for the entities: no drift. */
  private static final String MATCHING = HibernateMajorKeysTest.HIBERNATE_7;

  @Test
  void aCommitThatDriftsFailsAndOneThatDoesNotPasses(@TempDir Path dir) throws Exception {
    Path hooks = repositoryRoot().resolve(".pre-commit-hooks.yaml");
    Map<String, String> env = environment(dir);
    Assumptions.assumeTrue(run(dir, env, "pre-commit", "--version").code() == 0, "pre-commit is not installed");
    Result manifest = run(dir, env, "pre-commit", "validate-manifest", hooks.toString());
    assertThat(manifest.code()).as(manifest.output()).isZero();

    Path repo = Files.createDirectories(dir.resolve("app"));
    git(repo, env, "init", "-q");
    Files.writeString(repo.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: local\n    hooks:\n"
        + Files.readAllLines(hooks).stream().filter(l -> !l.startsWith("#")).map(l -> "      " + l)
            .collect(Collectors.joining("\n")) + "\n");
    Files.writeString(repo.resolve("autogen.properties"), String.join("\n",
        "dev-url=" + TestDatabase.adminUrl(), "user=" + TestDatabase.user(),
        "classpath=" + Path.of(HibernateMajorKeysTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        "packages=" + HibernateMajorKeysTest.ENTITIES, "migrations=db/migration",
        "cache-dir=" + dir.resolve("autogen-cache"), "") );
    Path migrations = Files.createDirectories(repo.resolve("db/migration"));
    Files.writeString(repo.resolve("Owner.java"), "// the entity sources (compiled with the tests)\n");
    Result install = run(repo, env, "pre-commit", "install");
    assertThat(install.code()).as(install.output()).isZero();

    // the migration forgets the owner_alias table the entities map
    Files.writeString(migrations.resolve("V1__start.sql"), MATCHING.lines()
        .filter(l -> !l.contains("owner_alias")).collect(Collectors.joining("\n")));
    git(repo, env, "add", "-A");
    Result drifting = run(repo, env, "git", "commit", "-q", "-m", "start");
    assertThat(drifting.code()).as(drifting.output()).isNotZero();
    assertThat(drifting.output()).contains("autogen check").contains("Failed").contains("owner_alias");
    assertThat(run(repo, env, "git", "rev-parse", "--verify", "-q", "HEAD").code()).as("nothing committed").isNotZero();

    Files.writeString(migrations.resolve("V1__start.sql"), MATCHING);
    git(repo, env, "add", "-A");
    Result agreeing = run(repo, env, "git", "commit", "-q", "-m", "start");
    assertThat(agreeing.code()).as(agreeing.output()).isZero();
    assertThat(agreeing.output()).contains("autogen check").contains("Passed");

    Files.writeString(repo.resolve("NOTES.md"), "not an entity, migration or autogen.properties\n");
    git(repo, env, "add", "-A");
    Result unrelated = run(repo, env, "git", "commit", "-q", "-m", "notes");
    assertThat(unrelated.code()).as(unrelated.output()).isZero();
    assertThat(unrelated.output()).contains("autogen check").contains("Skipped");
  }

  /** {@code autogen} on PATH runs this build's command line; pre-commit keeps its state under dir. */
  private static Map<String, String> environment(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path autogen = bin.resolve("autogen");
    Files.writeString(autogen, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' "
        + Main.class.getName() + " \"$@\"\n");
    Files.setPosixFilePermissions(autogen, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
    env.put("GIT_AUTHOR_NAME", "test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("HOME", dir.toString());
    return env;
  }

  private static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve(".pre-commit-hooks.yaml"))) {
      p = p.getParent();
    }
    assertThat(p).as(".pre-commit-hooks.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }

  private record Result(int code, String output) {}

  private static void git(Path repo, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Result r = run(repo, env, command.toArray(String[]::new));
    assertThat(r.code()).as(String.join(" ", command) + ": " + r.output()).isZero();
  }

  private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Path log = Files.createTempFile(dir, "run-", ".log");
    builder.redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " still running after 300 s: "
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
