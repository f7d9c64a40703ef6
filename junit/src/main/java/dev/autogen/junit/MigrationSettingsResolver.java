package dev.autogen.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands {@link AutogenMigrationChecks#migrations(MigrationSettings)} the settings of its test class:
 * its {@link AutogenMigrationTests} (found on the class, a superclass or an enclosing class) and the run's
 * configuration parameters. Registered by {@link AutogenMigrationChecks}; users need not name it.
 */
public final class MigrationSettingsResolver implements ParameterResolver {

  /** Creates the resolver (JUnit does, through {@code @ExtendWith}). */
  public MigrationSettingsResolver() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MigrationSettings.class;
  }

  @Override
  public MigrationSettings resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return MigrationSettings.of(annotation(context.getRequiredTestClass()), context::getConfigurationParameter);
  }

  /**
   * @return the settings on the class or a superclass ({@code @Inherited}), else on the class it is
   *     nested in (a {@code @Nested} class takes its outer class's), else null
   */
  static AutogenMigrationTests annotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      AutogenMigrationTests found = c.getAnnotation(AutogenMigrationTests.class);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
