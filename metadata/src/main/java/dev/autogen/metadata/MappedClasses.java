package dev.autogen.metadata;

import java.util.List;

/**
 * The classes of a class path that take part in a JPA mapping.
 *
 * @param classes entities, embeddables, mapped superclasses and attribute converters, in name order;
 *     never null
 * @param packages the packages whose {@code package-info} carries mapping annotations (package-level
 *     generators, filters, ...); never null
 * @param entityCount how many of {@code classes} are {@code @Entity} classes
 * @param javaxEntities classes annotated with the pre-Jakarta {@code javax.persistence.Entity}, which
 *     Hibernate 7 does not read; never null
 */
record MappedClasses(List<Class<?>> classes, List<String> packages, int entityCount, List<String> javaxEntities) {

  MappedClasses {
    classes = List.copyOf(classes);
    packages = List.copyOf(packages);
    javaxEntities = List.copyOf(javaxEntities);
  }
}
