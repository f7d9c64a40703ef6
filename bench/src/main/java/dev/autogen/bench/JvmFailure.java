package dev.autogen.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a JVM process failed, in a few words for a table cell: the simple name of the root cause of the
 * uncaught exception it printed on standard error (the JVM writes {@code Exception in thread "main" X}
 * followed by {@code Caused by: Y} lines, root cause last), e.g. {@code StackOverflowError}.
 */
public final class JvmFailure {

  private static final Pattern THROWABLE = Pattern.compile(
      "^(?:Exception in thread \"[^\"]*\" |Caused by: )([\\w$.]+)", Pattern.MULTILINE);

  private JvmFailure() {}

  /**
   * @param run a run that exited with a code other than the expected one, never null
   * @return e.g. {@code failed: StackOverflowError after 12.3 s}; {@code failed: exit 137 after ...}
   *     when standard error names no exception
   */
  public static String describe(TimedProcess.Run run) {
    return String.format(Locale.ROOT, "failed: %s after %.1f s", rootCause(run.stderr(), run.exitCode()),
        run.wallSeconds());
  }

  /**
   * @param stderr a JVM's standard error, never null
   * @param exitCode its exit code, named when there is no exception
   * @return the simple class name of the last exception named, or {@code exit N}
   */
  static String rootCause(String stderr, int exitCode) {
    Matcher m = THROWABLE.matcher(stderr);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last == null ? "exit " + exitCode : last.substring(last.lastIndexOf('.') + 1);
  }
}
