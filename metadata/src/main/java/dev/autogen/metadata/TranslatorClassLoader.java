package dev.autogen.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The child-first class loader in which autogen reads entities with the application's own Hibernate:
 * its parent is the platform class loader (the JDK only), so Hibernate, JPA and every other library
 * come from the application's class path ({@code urls}), never from autogen's. Two packages are
 * exceptions: {@code dev.autogen.model.*} is taken from autogen's loader, so the catalog the translator
 * returns is autogen's own type; {@code dev.autogen.metadata.*} (the translator) is defined here from the
 * class files under {@code prefix} in autogen's loader, the ones compiled against the application's
 * Hibernate major ({@code META-INF/autogen/hibernate6/} for 6; the bundled classes themselves, prefix
 * {@code ""}, for 7), and looked up on the application's class path only when not there.
 */
final class TranslatorClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String MODEL = "dev.autogen.model.";
  private static final String TRANSLATOR = "dev.autogen.metadata.";

  private final ClassLoader autogen;
  private final String prefix;

  /**
   * @param urls the application's class path, never null
   * @param autogen autogen's own class loader (the model and the translator's class files), never null
   * @param prefix where the translator's class files lie in {@code autogen}, e.g. {@code
   *     META-INF/autogen/hibernate6/}; empty for autogen's own classes
   */
  TranslatorClassLoader(URL[] urls, ClassLoader autogen, String prefix) {
    super("autogen-translator", urls, ClassLoader.getPlatformClassLoader());
    this.autogen = autogen;
    this.prefix = prefix;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(MODEL)) {
      return autogen.loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null && name.startsWith(TRANSLATOR)) {
        loaded = defineTranslatorClass(name);
      }
      if (loaded == null) {
        return super.loadClass(name, resolve);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /** @return the translator class of that name, null when autogen has none (an application class then) */
  private Class<?> defineTranslatorClass(String name) throws ClassNotFoundException {
    try (InputStream in = autogen.getResourceAsStream(prefix + name.replace('.', '/') + ".class")) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
