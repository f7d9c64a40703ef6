package dev.autogen.cli;

/**
 * Whether autogen runs in continuous integration: the {@code CI} environment variable set to anything but
 * blank or {@code false}, as GitHub Actions, GitLab CI, Jenkins' plugins, CircleCI and most others set it.
 * There nothing is asked on a terminal, and the embedded dev server stops when each run ends (a job's
 * machine rarely sees a next run soon).
 */
public final class ContinuousIntegration {

  private ContinuousIntegration() {}

  /** @return whether this process runs in CI, by its {@code CI} environment variable */
  public static boolean detected() {
    return detected(System.getenv("CI"));
  }

  /**
   * @param ci the {@code CI} variable's value, or null when unset
   * @return whether it says CI
   */
  public static boolean detected(String ci) {
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }
}
