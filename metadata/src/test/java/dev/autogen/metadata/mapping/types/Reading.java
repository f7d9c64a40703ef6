package dev.autogen.metadata.mapping.types;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Version;
import java.sql.Blob;
import java.sql.Clob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Versions, LOBs, converters, JSON, UUID, arrays, java.time and enums in every mapping. */
@Entity
public class Reading {
  @Id
  UUID id;

  @Version
  int version;

  @Lob
  String lobText;

  @Lob
  @Column(length = 1000)
  String sizedLobText;

  byte[] bytes;

  @Lob
  byte[] lobBytes;

  Blob blob;

  Clob clob;

  @Convert(converter = TemperatureConverter.class)
  @Column(length = 32)
  Temperature temperature;

  @JdbcTypeCode(SqlTypes.JSON)
  Map<String, Object> attributes;

  @JdbcTypeCode(SqlTypes.JSON)
  List<String> jsonList;

  UUID correlation;

  int[] samples;

  @JdbcTypeCode(SqlTypes.ARRAY)
  List<String> names;

  Instant instant;
  OffsetDateTime offsetDateTime;
  ZonedDateTime zonedDateTime;
  LocalDateTime localDateTime;
  LocalTime wallTime;
  OffsetTime offsetTime;
  Duration duration;
  Year year;

  @Column(precision = 2)
  LocalDateTime centiseconds;

  @Enumerated(EnumType.STRING)
  Mood moodByName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  Mood requiredMoodByName;

  @Enumerated(EnumType.ORDINAL)
  Mood moodByOrdinal;

  Mood moodByDefault;

  @JdbcTypeCode(SqlTypes.NAMED_ENUM)
  Mood moodNamed;
}
