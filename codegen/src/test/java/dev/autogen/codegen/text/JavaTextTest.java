package dev.autogen.codegen.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.net.URI;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaTextTest {

  /** Texts that would end a comment, or smuggle code or tags into it, were they written as they are. */
  private static final List<String> HOSTILE = List.of(
      "*/ class Evil {} /*",
      "a\\u002a/ class Evil {} /\\u002a",
      "line\\u000a class Evil {}",
      "new\nline */ \r\n class Evil {}",
      "$L $S $$ $1 ${x}",
      "\"quoted\" 'single' \\ \\\\ \\\\\\u002a/",
      "@param x {@link Evil} <script>&amp;</b>",
      "ünïcödé 名前 😀 \u202Eevil");

  @Test
  void javadocEscapesWhatEndsTheCommentOrReadsAsMarkup() {
    assertThat(JavaText.javadoc("a */ b")).isEqualTo("a *&#47; b");
    assertThat(JavaText.javadoc("a\\u002a/")).isEqualTo("a&#92;u002a/");
    assertThat(JavaText.javadoc("@param x {@code y}")).isEqualTo("&#64;param x {&#64;code y}");
    assertThat(JavaText.javadoc("<b> & </b>")).isEqualTo("&lt;b&gt; &amp; &lt;/b&gt;");
    assertThat(JavaText.javadoc("one\ntwo\u0007")).isEqualTo("one\ntwo␇");
    assertThat(JavaText.javadoc("a / b */")).isEqualTo("a / b *&#47;");
  }

  @Test
  void lineCommentsStayOneLineWithoutUnicodeEscapes() {
    assertThat(JavaText.lineComment("a\nb")).isEqualTo("a␊b");
    assertThat(JavaText.lineComment("x\\u000a y")).isEqualTo("x\\\\u000a y");
    assertThat(JavaText.lineComment("\\\\u000a")).isEqualTo("\\\\\\\\u000a");
    assertThat(JavaText.lineComment("*/ $S")).isEqualTo("*/ $S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain words", "version 3, 2 safe", "a - b: c (d)"})
  void plainTextIsUnchanged(String text) {
    assertThat(JavaText.javadoc(text)).isEqualTo(text);
    assertThat(JavaText.lineComment(text)).isEqualTo(text);
  }

  /**
   * The property that matters: hostile text in a class's Javadoc, in a comment line of a method and in
   * a string literal (JavaPoet's {@code $S}) compiles, and the class has only the members it was given
   * (no text ended its comment and declared something).
   */
  @Test
  void hostileTextInCommentsAndLiteralsCompilesToTheClassAsLaidOut() throws Exception {
    TypeSpec.Builder type = TypeSpec.classBuilder("Hostile").addModifiers(Modifier.PUBLIC)
        .addJavadoc("<pre>\n$L\n</pre>\n", JavaText.javadoc(String.join("\n", HOSTILE)));
    MethodSpec.Builder texts = MethodSpec.methodBuilder("texts").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String[].class);
    StringBuilder literals = new StringBuilder();
    for (String text : HOSTILE) {
      texts.addCode("// $L\n", JavaText.lineComment(text));
      literals.append(literals.isEmpty() ? "" : ", ").append(com.palantir.javapoet.CodeBlock.of("$S", text));
    }
    texts.addStatement("return new String[] {$L}", literals);
    String source = JavaFile.builder("hostile", type.addMethod(texts.build()).build()).build().toString();

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    InMemoryOutput output = new InMemoryOutput(compiler.getStandardFileManager(diagnostics, null, null));
    boolean ok = compiler.getTask(null, output, diagnostics, List.of("-Xlint:all", "-Werror", "-Xdoclint:all,-missing"), null,
        List.of(new Source("hostile/Hostile.java", source))).call();
    assertThat(ok).as(diagnostics.getDiagnostics() + "\n" + source).isTrue();
    assertThat(output.classes()).containsExactly("hostile.Hostile");
    Class<?> hostile = output.load("hostile.Hostile");
    assertThat(hostile.getDeclaredMethods()).hasSize(1);
    assertThat((String[]) hostile.getMethod("texts").invoke(null)).containsExactlyElementsOf(HOSTILE);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Keeps compiled classes in memory. */
  private static final class InMemoryOutput
      extends javax.tools.ForwardingJavaFileManager<javax.tools.StandardJavaFileManager> {
    private final java.util.Map<String, java.io.ByteArrayOutputStream> bytes = new java.util.TreeMap<>();

    InMemoryOutput(javax.tools.StandardJavaFileManager files) {
      super(files);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        javax.tools.FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public java.io.OutputStream openOutputStream() {
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          bytes.put(className, out);
          return out;
        }
      };
    }

    List<String> classes() {
      return List.copyOf(bytes.keySet());
    }

    Class<?> load(String name) throws ClassNotFoundException {
      return new ClassLoader(JavaTextTest.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String n) throws ClassNotFoundException {
          java.io.ByteArrayOutputStream out = bytes.get(n);
          if (out == null) {
            throw new ClassNotFoundException(n);
          }
          byte[] b = out.toByteArray();
          return defineClass(n, b, 0, b.length);
        }
      }.loadClass(name);
    }
  }
}
