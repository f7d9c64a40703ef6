package dev.autogen.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.metadata.EntityModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity cache key follows what Bean Validation reads from a class path directory besides the
 * class files (issue 10 #3): {@code META-INF/validation.xml}, the constraint mappings it names, the
 * provider's {@code META-INF/services} entry; a file nothing reads does not change it.
 */
class EntityCacheKeyTest {

  @Test
  void validationConfigurationConstraintMappingsAndServicesAreInTheKeyOtherFilesAreNot(@TempDir Path dir)
      throws IOException {
    CatalogCache cache = CatalogCache.in(dir.resolve("cache"), "1.0.0");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.createDirectories(classes.resolve("app"));
    Files.write(classes.resolve("app/Member.class"), new byte[] {1, 2, 3});
    EntityModelOptions options = new EntityModelOptions(List.of(classes), List.of("app"), null, null);
    CacheKey before = EntityCacheKey.of(cache, options, null);

    Files.writeString(classes.resolve("README.txt"), "not read by the mapping");
    assertThat(EntityCacheKey.of(cache, options, null)).as("a file nothing reads").isEqualTo(before);

    Files.writeString(classes.resolve("META-INF/validation.xml"), "<validation-config/>");
    CacheKey configured = EntityCacheKey.of(cache, options, null);
    assertThat(configured).as("META-INF/validation.xml").isNotEqualTo(before);

    Files.writeString(classes.resolve("app/constraints.xml"), "<constraint-mappings/>");
    CacheKey mapped = EntityCacheKey.of(cache, options, null);
    assertThat(mapped).as("a constraint mapping").isNotEqualTo(configured);
    Files.writeString(classes.resolve("app/constraints.xml"), "<constraint-mappings><bean/></constraint-mappings>");
    assertThat(EntityCacheKey.of(cache, options, null)).as("its content").isNotEqualTo(mapped);

    Path provider = classes.resolve("META-INF/services/jakarta.validation.spi.ValidationProvider");
    Files.writeString(provider, "org.hibernate.validator.HibernateValidator\n");
    CacheKey withProvider = EntityCacheKey.of(cache, options, null);
    Files.delete(provider);
    assertThat(EntityCacheKey.of(cache, options, null)).as("a provider's services entry")
        .isNotEqualTo(withProvider);
  }
}
