package dev.autogen.metadata.types;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An auto-applied converter: found by the class scan, it maps every {@link Money} to {@code bigint}. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {
  @Override
  public Long convertToDatabaseColumn(Money money) {
    return money == null ? null : money.cents();
  }

  @Override
  public Money convertToEntityAttribute(Long cents) {
    return cents == null ? null : new Money(cents);
  }
}
