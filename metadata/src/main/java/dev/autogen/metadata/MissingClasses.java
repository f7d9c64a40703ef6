package dev.autogen.metadata;

/**
 * Finds, in what Hibernate or the class loader threw, the class that could not be loaded. Hibernate
 * reads annotation members reflectively, so a class named in one ({@code @Convert(converter = X.class)},
 * {@code @Type(X.class)}) that is not on the class path arrives wrapped: {@code RuntimeException} of an
 * {@code InvocationTargetException} of a {@link TypeNotPresentException}; a class named by a string
 * (orm.xml, a setting) arrives as a {@code ClassLoadingException} of a {@link ClassNotFoundException}.
 */
final class MissingClasses {

  /** How deep a cause chain is followed; real chains are a few levels, a cycle must not loop. */
  private static final int MAX_DEPTH = 32;

  private MissingClasses() {}

  /**
   * @param thrown what was thrown, never null
   * @return the first of it and its causes that says a class cannot be loaded or read ({@link
   *     LinkageError}: {@link NoClassDefFoundError}, {@link ClassFormatError}, ...; {@link
   *     TypeNotPresentException}; {@link ClassNotFoundException}), or null when none does
   */
  static Throwable find(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof LinkageError || t instanceof TypeNotPresentException || t instanceof ClassNotFoundException) {
        return t;
      }
    }
    return null;
  }

  /**
   * @param error what {@link #find} returned
   * @return the binary name of the class it says is missing ({@code money/Money} becomes {@code
   *     money.Money}), or null when it names none (a damaged class file)
   */
  static String className(Throwable error) {
    if (error instanceof TypeNotPresentException t) {
      return t.typeName();
    }
    if ((error instanceof NoClassDefFoundError || error instanceof ClassNotFoundException) && error.getMessage() != null) {
      String name = error.getMessage().strip();
      // "Could not initialize class x.Y" names a class that was found but failed its initialiser
      return name.contains(" ") ? null : name.replace('/', '.');
    }
    return null;
  }
}
