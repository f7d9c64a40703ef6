package dev.autogen.metadata;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

/**
 * Hibernate's own class loader service, exactly as {@code BootstrapServiceRegistryBuilder.applyClassLoader}
 * builds it (the given loaders, Hibernate's and the system loader, the context loader after them), that
 * answers at once for a class name it has already failed to find, with the very exception of the first
 * failure.
 *
 * <p>Hibernate's boot asks for the {@code package-info} class of each entity's package twice per
 * entity ({@code EntityBinder.bindSoftDelete} and {@code bindAudited}, through {@code
 * BinderHelper.extractFromPackage}); where there is none, each question searched the entities' loader
 * and, directly and through it, autogen's whole class path (some 70 jars): 6.5-8% of the entities' time
 * at 10,000 entities (JFR). What the loaders cannot find does not change while the entities are read
 * (their entries are fixed), so a name not found is not found again. Only {@link ClassNotFoundException}
 * is remembered; a class that exists but fails to link is looked up again each time.
 */
final class MissRememberingClassLoaderService extends ClassLoaderServiceImpl {

  private final Map<String, ClassLoadingException> missing = new ConcurrentHashMap<>();

  /**
   * @param loaders the class loaders to search first, as {@code applyClassLoader} gives them
   */
  MissRememberingClassLoaderService(Collection<ClassLoader> loaders) {
    super(loaders, TcclLookupPrecedence.AFTER);
  }

  @Override
  public <T> Class<T> classForName(String className) {
    ClassLoadingException known = missing.get(className);
    if (known != null) {
      throw known;
    }
    try {
      return super.classForName(className);
    } catch (ClassLoadingException e) {
      if (e.getCause() instanceof ClassNotFoundException) {
        missing.putIfAbsent(className, e);
      }
      throw e;
    }
  }
}
