package dev.autogen.metadata;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Bean Validation applied to the mapping as the application's Hibernate applies it when its session
 * factory starts: {@code @NotNull}/{@code @NotEmpty}/{@code @NotBlank} make columns NOT NULL, {@code
 * @Size(max)} and Hibernate Validator's {@code @Length(max)} set lengths, {@code @Digits} precision and
 * scale, {@code @Min}/{@code @Max} add column checks, with Hibernate's exceptions (single-table
 * subclasses, composite parts under a nullable component, groups other than the DDL groups). The rules
 * themselves are Hibernate's own: {@code TypeSafeActivator.applyRelationalConstraints(ValidatorFactory,
 * Collection<PersistentClass>, Map, Dialect, ClassLoaderAccess)} of the Hibernate that maps the
 * entities (public and of the same signature in 6.4 to 7.4) is called on the boot metadata, with a
 * {@code ValidatorFactory} that the application's own Bean Validation provider builds.
 *
 * <p>When it runs is Hibernate's {@code BeanValidationIntegrator.integrate} and {@code
 * TypeSafeActivator.activate}/{@code applyRelationalConstraints(ValidatorFactory, ActivationContext)},
 * replicated here because they need a session factory:
 *
 * <ul>
 *   <li>the validation modes come from {@value #MODE} (else {@value #LEGACY_MODE}), comma-separated,
 *       default {@code auto} ({@code ValidationMode.parseValidationModes}/{@code getModes}); {@code none}
 *       alone turns Bean Validation off;
 *   <li>the Bean Validation API must be loadable through Hibernate's class loader service ({@code
 *       jakarta.validation.ConstraintViolation}); when it is not, the modes {@code ddl} or {@code
 *       callback} are an error, otherwise nothing is applied ({@code validateMissingBeanValidationApi});
 *   <li>{@value #APPLY_TO_DDL} ({@code BeanValidationIntegrator.APPLY_CONSTRAINTS}, default true) false,
 *       or modes with neither {@code ddl} nor {@code auto}, apply nothing;
 *   <li>the factory is {@code Validation.buildDefaultValidatorFactory()}, which finds the provider on the
 *       application's class path (autogen brings none); when it fails, the modes {@code ddl} or {@code
 *       callback} are an error; in mode {@code auto} no provider at all ({@code NoProviderFoundException})
 *       applies nothing, and any other failure is an error in Hibernate 7 ({@code TypeSafeActivator.activate}
 *       rethrows it) but applies nothing in Hibernate 6 (which logs it and skips).
 * </ul>
 *
 * <p>A validator factory supplied as an object ({@code jakarta.persistence.validation.factory}) cannot
 * come from a settings file and is not looked for.
 */
final class BeanValidationDdl {

  /** Hibernate's {@code BeanValidationIntegrator.APPLY_CONSTRAINTS}. */
  static final String APPLY_TO_DDL = "hibernate.validator.apply_to_ddl";

  /** Hibernate's {@code BeanValidationIntegrator.JAKARTA_MODE_PROPERTY}. */
  static final String MODE = "jakarta.persistence.validation.mode";

  /** Hibernate's {@code BeanValidationIntegrator.MODE_PROPERTY}. */
  static final String LEGACY_MODE = "javax.persistence.validation.mode";

  private static final String PACKAGE = "org.hibernate.boot.beanvalidation.";
  private static final String ACTIVATOR = PACKAGE + "TypeSafeActivator";
  private static final String API_CHECK = "jakarta.validation.ConstraintViolation";
  private static final String VALIDATION = "jakarta.validation.Validation";
  private static final String NO_PROVIDER = "jakarta.validation.NoProviderFoundException";
  private static final Set<String> MODES = Set.of("auto", "callback", "ddl", "none");

  private BeanValidationDdl() {}

  /**
   * Applies Bean Validation's constraints to {@code metadata}'s columns, when the application's
   * Hibernate would. Call it where a session factory runs its integrators: after the metadata is built,
   * before its columns are ordered and it is validated ({@code SessionFactoryImpl}'s constructor). The
   * thread's context class loader should be the entities' loader (the provider is looked up there).
   *
   * @param metadata the built metadata, never null; its columns are changed in place
   * @param registry the service registry it was built with (settings and class loading), never null
   * @throws SchemaSourceException ({@link Reason#INPUT}) for an unknown or mixed validation mode, and
   *     where the application's Hibernate would fail to start: Bean Validation requested ({@code ddl},
   *     {@code callback}) without an API or a provider, or (Hibernate 7, mode {@code auto}) a provider
   *     that fails to build its factory
   */
  static void apply(Metadata metadata, StandardServiceRegistry registry) {
    Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
    Set<String> modes = modes(settings);
    if (modes.equals(Set.of("none"))) {
      return;
    }
    boolean requested = modes.contains("ddl") || modes.contains("callback");
    ClassLoaderService classes = registry.requireService(ClassLoaderService.class);
    Class<?> validation;
    try {
      classes.classForName(API_CHECK);
      validation = classes.classForName(VALIDATION);
    } catch (RuntimeException e) {
      if (requested) {
        throw error("validation mode " + String.join(",", modes) + " needs the Bean Validation API (jakarta.validation)"
            + " on the class path, which it is not: add the application's jakarta.validation-api jar and its provider"
            + " (e.g. Hibernate Validator) to --classpath", e);
      }
      return;
    }
    if (!Boolean.parseBoolean(String.valueOf(settings.getOrDefault(APPLY_TO_DDL, "true")).trim())
        || !(modes.contains("ddl") || modes.contains("auto"))) {
      return;
    }
    Object factory = factory(validation, modes, requested);
    if (factory == null) {
      return;
    }
    try {
      Method apply = activator(validation).getMethod("applyRelationalConstraints",
          validation.getClassLoader().loadClass("jakarta.validation.ValidatorFactory"), Collection.class, Map.class,
          org.hibernate.dialect.Dialect.class, org.hibernate.boot.spi.ClassLoaderAccess.class);
      apply.setAccessible(true);
      apply.invoke(null, factory, metadata.getEntityBindings(), settings, metadata.getDatabase().getDialect(),
          new ClassLoaderAccessImpl(null, classes));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : error("Hibernate could not apply Bean Validation: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Hibernate " + org.hibernate.Version.getVersionString()
          + " has no TypeSafeActivator.applyRelationalConstraints autogen can call: " + e, e);
    } finally {
      close(factory);
    }
  }

  /**
   * @return the validation modes, lower case: Hibernate's {@code ValidationMode} parsing (null or blank
   *     is {@code auto}; {@code auto} or {@code none} with another mode is an error, as in Hibernate 7)
   */
  static Set<String> modes(Map<String, Object> settings) {
    Object value = settings.get(MODE);
    if (value == null) {
      value = settings.get(LEGACY_MODE);
    }
    Set<String> modes = new TreeSet<>();
    // String.split drops trailing empty parts, as Hibernate 6's split does ("ddl," is ddl)
    for (String mode : (value == null || value.toString().isBlank() ? "auto" : value.toString()).split(",")) {
      String m = mode.trim().toLowerCase(Locale.ROOT);
      m = m.isEmpty() ? "auto" : m;
      if (!MODES.contains(m)) {
        throw error("unknown validation mode in " + MODE + ": " + mode.trim() + " (auto, callback, ddl or none)", null);
      }
      modes.add(m);
    }
    if (modes.size() > 1 && (modes.contains("auto") || modes.contains("none"))) {
      throw error("incompatible validation modes mixed in " + MODE + ": " + String.join(",", modes), null);
    }
    return modes;
  }

  /** @return the application's default validator factory, or null when Hibernate would go on without one */
  private static Object factory(Class<?> validation, Set<String> modes, boolean requested) {
    try {
      return validation.getMethod("buildDefaultValidatorFactory").invoke(null);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (requested) {
        throw error("no Bean Validation provider could be started, but validation mode " + String.join(",", modes)
            + " was requested (" + Messages.oneLine(String.valueOf(cause)) + "): add the application's provider"
            + " (e.g. Hibernate Validator and an Expression Language implementation) to --classpath", cause);
      }
      if (isNoProvider(cause, validation.getClassLoader()) || org.hibernate.Version.getVersionString().startsWith("6.")) {
        return null;
      }
      throw error("the Bean Validation provider on the class path cannot start, so the application's Hibernate"
          + " would not start either (" + Messages.oneLine(String.valueOf(cause)) + "): add what it needs (e.g. an"
          + " Expression Language implementation such as org.glassfish.expressly) to --classpath, or set "
          + MODE + "=none", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("jakarta.validation.Validation has no buildDefaultValidatorFactory(): " + e, e);
    }
  }

  private static boolean isNoProvider(Throwable cause, ClassLoader api) {
    try {
      return api.loadClass(NO_PROVIDER).isInstance(cause);
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * @return Hibernate's {@code TypeSafeActivator} linked against the application's Bean Validation API:
   *     Hibernate's own class when Hibernate's class loader sees that API (an application's Hibernate, read
   *     in its own class loader), else the same class files defined in a {@link Linking} loader (autogen's
   *     bundled Hibernate has no Bean Validation API of its own)
   */
  private static Class<?> activator(Class<?> validation) throws ClassNotFoundException {
    ClassLoader hibernate = Metadata.class.getClassLoader();
    if (sees(hibernate, validation)) {
      return Class.forName(ACTIVATOR, true, hibernate);
    }
    ClassLoader api = validation.getClassLoader();
    if (!sees(api, Metadata.class)) {
      throw new IllegalStateException("the Bean Validation API's class loader does not see autogen's Hibernate");
    }
    return Class.forName(ACTIVATOR, true, new Linking(api, hibernate));
  }

  private static boolean sees(ClassLoader loader, Class<?> type) {
    try {
      return Class.forName(type.getName(), false, loader) == type;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void close(Object factory) {
    try {
      factory.getClass().getMethod("close").invoke(factory);
    } catch (ReflectiveOperationException e) {
      // a factory that cannot be closed holds nothing autogen uses again
    }
  }

  private static SchemaSourceException error(String message, Throwable cause) {
    return new SchemaSourceException(Reason.INPUT, "Bean Validation: " + message, cause);
  }

  /**
   * Defines the class files of Hibernate's {@code org.hibernate.boot.beanvalidation} package (read from
   * {@code hibernate}) itself, so that they link against the Bean Validation API of {@code parent} (the
   * entities' loader, which sees both that API and autogen's Hibernate); every other class comes from
   * {@code parent}. The whole package is defined here, so its package-private members stay accessible.
   */
  private static final class Linking extends ClassLoader {

    static {
      registerAsParallelCapable();
    }

    private final ClassLoader hibernate;

    Linking(ClassLoader parent, ClassLoader hibernate) {
      super("autogen-bean-validation", parent);
      this.hibernate = hibernate;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE) || name.indexOf('.', PACKAGE.length()) >= 0) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try (InputStream in = hibernate.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
