package dev.autogen.metadata.shop;

/** Stored in a PostgreSQL enum type. */
public enum OrderState { NEW, PAID, SHIPPED }
