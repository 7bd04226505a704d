package dev.qmark.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML mapping whose values still know their line, with typed reads that fail naming it. */
final class YamlMap {

    private final String source;
    private final String what;
    private final int line;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();

    private YamlMap(String source, String what, int line) {
        this.source = source;
        this.what = what;
        this.line = line;
    }

    static YamlMap of(Node node, String source, String what) {
        int line = node.getStartMark().getLine() + 1;
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(source + " line " + line + ": " + what + " must be a mapping of key: value");
        }
        YamlMap map = new YamlMap(source, what, line);
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                map.values.put(key.getValue(), tuple.getValueNode());
                map.keyLines.put(key.getValue(), key.getStartMark().getLine() + 1);
            }
        }
        return map;
    }

    void allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(keyLines.get(key), "unknown key '" + key + "' in " + what
                        + " (known: " + String.join(", ", keys) + ")");
            }
        }
    }

    boolean has(String key) {
        Node node = values.get(key);
        return node != null && !(node instanceof ScalarNode s && s.getValue().isEmpty());
    }

    /** The line of a key, or of this mapping when the key is absent. */
    int line(String key) {
        return keyLines.getOrDefault(key, line);
    }

    String requireString(String key) {
        Node node = values.get(key);
        if (node == null) {
            throw fail(line, what + " needs '" + key + "'");
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw fail(line(key), "'" + key + "' in " + what + " must be a non-empty text");
        }
        return scalar.getValue().trim();
    }

    String optionalString(String key, String fallback) {
        return has(key) ? requireString(key) : fallback;
    }

    Integer optionalInt(String key) {
        if (!has(key)) {
            return null;
        }
        String value = requireString(key);
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw fail(line(key), "'" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> optionalStrings(String key) {
        Node node = values.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue().trim());
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(line(key), "'" + key + "' must be a list such as [a, b]");
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw fail(item.getStartMark().getLine() + 1, "'" + key + "' must list non-empty texts");
            }
            result.add(scalar.getValue().trim());
        }
        return result;
    }

    /** The keys, in order. */
    java.util.Set<String> keys() {
        return values.keySet();
    }

    /** A mapping whose values are each a text or a list of texts, e.g. working hours per day. */
    Map<String, List<String>> stringLists() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            result.put(key, optionalStrings(key));
        }
        return result;
    }

    YamlMap requireMap(String key) {
        Node node = values.get(key);
        if (node == null) {
            throw fail(line, what + " needs '" + key + "'");
        }
        return of(node, source, "'" + key + "'");
    }

    List<YamlMap> requireList(String key) {
        Node node = values.get(key);
        if (node == null) {
            throw fail(line, what + " needs '" + key + "'");
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(line(key), "'" + key + "' must be a list (lines starting with '- ')");
        }
        String itemName = key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
        return sequence.getValue().stream().map(item -> of(item, source, "each " + itemName)).toList();
    }

    private ConfigException fail(int atLine, String message) {
        return new ConfigException(source + " line " + atLine + ": " + message);
    }
}
