package dev.qmark.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a CloudFormation template, turning short-form intrinsics ({@code !Ref X}) into their long form. */
final class CloudFormationYaml extends SafeConstructor {

    private CloudFormationYaml() {
        super(new LoaderOptions());
        yamlMultiConstructors.put("!", new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                String function = node.getTag().getValue().substring(1);
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("unexpected node " + node);
                };
                return Map.of(function.equals("Ref") ? "Ref" : "Fn::" + function, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            return (Map<String, Object>) new Yaml(new CloudFormationYaml()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
