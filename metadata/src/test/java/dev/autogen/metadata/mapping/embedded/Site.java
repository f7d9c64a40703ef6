package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

/**
 * Two embedded {@link Location}s (two levels deep): one with default column names, one renamed with
 * {@code @AttributeOverrides} (including a nested attribute) and {@code @AssociationOverride}.
 */
@Entity
public class Site {
  @Id
  Long id;

  @Embedded
  Location main;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "city", column = @Column(name = "backup_city", length = 120, nullable = false)),
      @AttributeOverride(name = "geo.lat", column = @Column(name = "backup_lat")),
      @AttributeOverride(name = "geo.lon", column = @Column(name = "backup_lon"))})
  @AssociationOverride(name = "country", joinColumns = @JoinColumn(name = "backup_country"))
  Location backup;
}
