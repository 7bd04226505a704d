package dev.qmark.formintake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON submission: an object whose fields are texts (rating may be a number). */
final class JsonBody {

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
        try {
            tree = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new Invalid("body is not valid JSON: " + e.getOriginalMessage(), null);
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
}
