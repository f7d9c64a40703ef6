package dev.autogen.metadata.types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One column per commonly mapped Java type, to record the type spellings Hibernate writes for PostgreSQL. */
@Entity
public class EveryType {
  @Id
  UUID id;

  boolean primitiveBoolean;
  Boolean wrapperBoolean;
  byte primitiveByte;
  short primitiveShort;
  int primitiveInt;
  long primitiveLong;
  float primitiveFloat;
  double primitiveDouble;
  char primitiveChar;
  Character wrapperCharacter;
  String plainString;

  @Column(length = 10)
  String shortString;

  @Column(length = 20000)
  String longString;

  @Lob
  String lobString;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  String longVarchar;

  BigDecimal plainDecimal;

  @Column(precision = 12, scale = 4)
  BigDecimal preciseDecimal;

  BigInteger bigInteger;
  LocalDate localDate;
  LocalTime wallClockTime;
  LocalDateTime localDateTime;
  OffsetDateTime offsetDateTime;
  OffsetTime offsetTime;
  ZonedDateTime zonedDateTime;
  Instant instant;

  @Column(precision = 3)
  Instant instantMillis;

  Duration duration;
  Year year;

  @Temporal(TemporalType.TIMESTAMP)
  Date legacyDate;

  byte[] bytes;

  @Lob
  byte[] lobBytes;

  char[] chars;

  @JdbcTypeCode(SqlTypes.JSON)
  Map<String, Object> json;

  String[] stringArray;
  int[] intArray;

  @JdbcTypeCode(SqlTypes.ARRAY)
  List<Long> longList;

  InetAddress inetAddress;
  URL url;
  Locale locale;
  Currency currency;
  ZoneId zoneId;

  @JdbcTypeCode(SqlTypes.SQLXML)
  String xml;
}
