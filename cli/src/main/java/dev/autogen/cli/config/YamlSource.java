package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The settings of a Spring Boot YAML file ({@code application.yml}), flattened as Spring Boot's {@code
 * YamlPropertySourceLoader} does: nested keys joined with {@code .}, list items as {@code [index]}, a
 * null value as the empty string; each setting keeps the line it was written on. Documents ({@code ---})
 * are read in order, later ones winning; a document with {@code spring.config.activate.on-profile} (or
 * the older {@code spring.profiles}) counts only when one of the profiles it names is active, as Spring
 * Boot's "Activation Properties" say. The YAML is parsed with SnakeYAML (the parser Spring Boot itself
 * uses), composing nodes only: no object is ever constructed from a tag.
 */
final class YamlSource {

  private static final Set<String> PROFILE_KEYS = Set.of("spring.config.activate.on-profile", "spring.profiles");

  private YamlSource() {}

  /**
   * @param text the file's content
   * @param name the file's name for messages and sources
   * @param profiles the active profiles, never null
   * @return its settings in the order they apply (later wins), each with source {@code name:line}
   * @throws AutogenException with {@link ExitCode#USAGE} when the text is not YAML (naming the line)
   */
  static List<Setting> read(String text, String name, List<String> profiles) {
    List<Setting> settings = new ArrayList<>();
    try {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (Node document : yaml.composeAll(new StringReader(text))) {
        Map<String, Setting> flat = new LinkedHashMap<>();
        flatten("", document, name, flat);
        if (activeIn(flat, profiles)) {
          settings.addAll(flat.values());
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new AutogenException(ExitCode.USAGE, name + (mark == null ? "" : ":" + (mark.getLine() + 1))
          + ": not valid YAML: " + oneLine(e.getProblem() != null ? e.getProblem() : e.getContext()), e);
    } catch (YAMLException e) {
      throw new AutogenException(ExitCode.USAGE, name + ": not valid YAML: " + oneLine(e.getMessage()), e);
    }
    return settings;
  }

  private static boolean activeIn(Map<String, Setting> document, List<String> profiles) {
    for (String key : PROFILE_KEYS) {
      Setting onProfile = document.remove(key);
      if (onProfile != null) {
        // a profile expression such as "dev | prod" or "!dev" is taken at its simplest: names separated by , or |
        boolean active = false;
        for (String wanted : onProfile.value().split("[,|]")) {
          String profile = wanted.trim();
          active |= profile.startsWith("!") ? !profiles.contains(profile.substring(1).trim()) : profiles.contains(profile);
        }
        if (!active) {
          return false;
        }
      }
    }
    return true;
  }

  private static void flatten(String prefix, Node node, String name, Map<String, Setting> into) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
        flatten(prefix.isEmpty() ? key : prefix + "." + key, tuple.getValueNode(), name, into);
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        flatten(prefix + "[" + i + "]", items.get(i), name, into);
      }
    } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
      String value = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue();
      into.remove(prefix);
      into.put(prefix, new Setting(prefix, value, name + ":" + (scalar.getStartMark().getLine() + 1)));
    }
  }

  private static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s+", " ");
  }
}
