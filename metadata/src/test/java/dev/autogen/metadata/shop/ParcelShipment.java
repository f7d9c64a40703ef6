package dev.autogen.metadata.shop;

import jakarta.persistence.Entity;

/** A {@link Shipment} in a parcel. */
@Entity
public class ParcelShipment extends Shipment {
  String trackingCode;
}
