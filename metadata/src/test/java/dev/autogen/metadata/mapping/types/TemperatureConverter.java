package dev.autogen.metadata.mapping.types;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Not auto-applied: used only where {@code @Convert} names it; stores text. */
@Converter
public class TemperatureConverter implements AttributeConverter<Temperature, String> {
  @Override
  public String convertToDatabaseColumn(Temperature t) {
    return t == null ? null : Double.toString(t.celsius());
  }

  @Override
  public Temperature convertToEntityAttribute(String s) {
    return s == null ? null : new Temperature(Double.parseDouble(s));
  }
}
