package dev.autogen.metadata;

import dev.autogen.model.Catalog;
import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.SchemaSource;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the entities with the Hibernate on the application's class path ({@link HibernateOnClassPath})
 * instead of autogen's bundled one: a {@link HibernateEntityReader} compiled against that Hibernate
 * major runs in a {@link TranslatorClassLoader} over the application's class path and hands back the
 * neutral model only. Supported: Hibernate 6.2 to 6.6 (the translator compiled against 6.6, module
 * {@code metadata-hibernate6}, which calls methods of later 6.x minors only where they exist and
 * otherwise answers as the running minor's own DDL does) and 7.x (autogen's own translator). Hibernate
 * 6.0 and 6.1 (no longer maintained) are refused by name.
 */
final class IsolatedEntityReader implements SchemaSource {

  /** Where the {@code metadata-hibernate6} module puts the translator compiled against Hibernate 6. */
  static final String HIBERNATE6 = "META-INF/autogen/hibernate6/";

  private final EntityModelOptions options;
  private final ColumnDefinitionResolver columnDefinitions;
  private final HibernateOnClassPath hibernate;

  /**
   * @param options what to read, never null
   * @param columnDefinitions as {@link HibernateEntityReader#HibernateEntityReader(EntityModelOptions,
   *     ColumnDefinitionResolver)}, may be null
   * @param hibernate the application's Hibernate, never null
   * @throws SchemaSourceException ({@link Reason#INPUT}) when that version is not supported
   */
  IsolatedEntityReader(EntityModelOptions options, ColumnDefinitionResolver columnDefinitions,
      HibernateOnClassPath hibernate) {
    this.options = options;
    this.columnDefinitions = columnDefinitions;
    this.hibernate = hibernate;
    prefix(hibernate);
  }

  /** @throws SchemaSourceException as {@link HibernateEntityReader#read()} */
  @Override
  public Catalog read() {
    return (Catalog) call("read");
  }

  /**
   * @return the statements the application's Hibernate's own schema creation writes ({@link
   *     HibernateEntityReader#hibernateCreateScript()}), never null
   */
  @SuppressWarnings("unchecked")
  List<String> hibernateCreateScript() {
    return (List<String>) call("hibernateCreateScript");
  }

  private Object call(String method) {
    try (TranslatorClassLoader loader = new TranslatorClassLoader(urls(options.classpath()),
        IsolatedEntityReader.class.getClassLoader(), prefix(hibernate))) {
      Class<?> reader = loader.loadClass(HibernateEntityReader.class.getName());
      Object isolatedOptions = copy(options, loader.loadClass(EntityModelOptions.class.getName()));
      Object instance = reader.getConstructor(isolatedOptions.getClass(), ColumnDefinitionResolver.class)
          .newInstance(isolatedOptions, columnDefinitions);
      var target = reader.getDeclaredMethod(method);
      target.setAccessible(true);
      return target.invoke(instance);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the Hibernate " + hibernate.major() + " translator is not packaged with autogen"
          + " (" + prefix(hibernate) + "): " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same record, component by component, as the translator's own class of that name. */
  private static Object copy(Record record, Class<?> twin) throws ReflectiveOperationException {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = components[i].getAccessor().invoke(record);
    }
    Constructor<?> canonical = twin.getDeclaredConstructor(types);
    return canonical.newInstance(values);
  }

  private static String prefix(HibernateOnClassPath hibernate) {
    if (hibernate.major() == 6 && hibernate.minor() >= 2) {
      return HIBERNATE6;
    }
    if (hibernate.major() == 7) {
      return "";
    }
    throw new SchemaSourceException(Reason.INPUT, "Hibernate " + hibernate.version() + " on the class path ("
        + hibernate.jar() + ") is not supported: autogen reads entities with Hibernate 6.2 to 6.6 and 7.x", null);
  }

  private static URL[] urls(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new SchemaSourceException(Reason.INPUT, "classpath entry is not a valid path: " + entries.get(i), e);
      }
    }
    return urls;
  }
}
