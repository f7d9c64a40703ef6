package dev.autogen.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands {@link AutogenMigrationChecks#migrations(MigrationSettings)} the settings of its test class:
 * its {@link AutogenMigrationTests} (found on the class or a superclass) and the run's configuration
 * parameters. Registered by {@link AutogenMigrationChecks}; users need not name it.
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
    AutogenMigrationTests annotation = context.getRequiredTestClass().getAnnotation(AutogenMigrationTests.class);
    return MigrationSettings.of(annotation, context::getConfigurationParameter);
  }
}
