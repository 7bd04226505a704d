package dev.qmark.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events in {@code events/}, one per trigger: the same files {@code sam local invoke}
 * takes, so a handler test starts from what AWS really sends, and every module reads them here.
 */
public final class SampleEvents {

    public static final Path DIRECTORY = RepositoryRoot.PATH.resolve("events");

    private SampleEvents() {
    }

    /** The event as the file has it. */
    public static String text(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event parsed, a fresh copy on every call: a test may change it freely. */
    public static ObjectNode json(String name) {
        try {
            JsonNode event = Json.MAPPER.readTree(text(name));
            if (event instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("events/" + name + " is not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event's file name, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
