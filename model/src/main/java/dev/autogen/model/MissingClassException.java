package dev.autogen.model;

/**
 * An entity source could not be read because a class it needs is not on the class path (a dependency
 * jar left out): a {@link SchemaSourceException} of {@link Reason#INPUT} that also names the missing
 * class, so that the caller can say where it may be found (e.g. which jar of the local Maven repository
 * holds it). Thrown by the entity readers of whichever Hibernate read the entities: it is a model type,
 * shared by autogen's class loader and the isolated one.
 */
public class MissingClassException extends SchemaSourceException {

  private final String className;

  /**
   * @param message one actionable line naming the missing class and what needs it
   * @param className the binary name of the missing class, e.g. {@code com.example.Money}; never null
   * @param cause the underlying error, may be null
   */
  public MissingClassException(String message, String className, Throwable cause) {
    super(Reason.INPUT, message, cause);
    this.className = className;
  }

  /** @return the binary name of the missing class, never null */
  public String className() {
    return className;
  }
}
