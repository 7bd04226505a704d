package dev.qmark.formintake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON submission: exactly one object whose fields are texts (rating may be a number), each
 * field once and nothing after the object. A second {@code email} or a tail after the closing
 * brace is how a body is smuggled past a check that reads it differently: refused, never guessed.
 */
final class JsonBody {

    /** Jackson's wording for a repeated key, with STRICT_DUPLICATE_DETECTION (see {@link Json}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    /** The body could not be read; {@code field} names the culprit when there is one. */
    static final class Invalid extends Exception {
        final String field;

        Invalid(String message, String field) {
            super(message);
            this.field = field;
        }
    }

    private JsonBody() {
    }

    static Map<String, String> parse(String body) throws Invalid {
        JsonNode tree;
        try (JsonParser parser = Json.MAPPER.createParser(body == null ? "" : body)) {
            // the tail is checked below, to answer in one clear sentence rather than in Jackson's words
            tree = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
            if (tree != null) {
                trailing(parser);
            }
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                throw new Invalid("body has the field \"" + duplicate.group(1) + "\" more than once; send each field once",
                        duplicate.group(1));
            }
            throw new Invalid("body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new Invalid("body is not valid JSON", null); // reading a String: not expected
        }
        if (tree == null || !tree.isObject()) {
            throw new Invalid("body must be a JSON object such as {\"name\": ..., \"email\": ..., \"message\": ...}", null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                fields.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber() && field.getKey().equals("rating")) {
                fields.put(field.getKey(), value.asText());
            } else {
                throw new Invalid(field.getKey() + " must be " + (field.getKey().equals("rating")
                        ? "a whole number from 1 to 5" : "a text"), field.getKey());
            }
        }
        return fields;
    }

    /** Only white space may follow the object; anything else (valid JSON or not) is refused in one sentence. */
    private static void trailing(JsonParser parser) throws Invalid {
        try {
            if (parser.nextToken() == null) {
                return;
            }
        } catch (IOException notEvenJson) {
            // "{...}x": the tail is not JSON either; same answer
        }
        throw new Invalid("body must be one JSON object with nothing after it (found more after the closing brace)", null);
    }
}
