package dev.qmark.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one mapper reads exactly one JSON value with each key once — in Lambda events, SQS bodies
 * and posts alike — and still tolerates fields it does not know (AWS adds some over time).
 */
class JsonTest {

    record Message(String feedbackId, int attempt) {
    }

    @Test
    void unknownFieldsAreTolerated() throws Exception {
        Message m = Json.MAPPER.readValue("{\"feedbackId\":\"a\",\"attempt\":2,\"addedByAwsLater\":{\"x\":1}}", Message.class);
        assertEquals(new Message("a", 2), m);
        assertEquals("a", Json.MAPPER.readTree(stream("{\"feedbackId\":\"a\",\"new\":1}  \n")).get("feedbackId").asText());
    }

    @Test
    void aRepeatedKeyIsRefused() {
        String twice = "{\"feedbackId\":\"a\",\"feedbackId\":\"b\",\"attempt\":1}";
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue(twice, Message.class));
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(twice));
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(stream("{\"r\":[{\"k\":1,\"k\":2}]}")));
    }

    @Test
    void anythingAfterTheValueIsRefused() {
        for (String tail : new String[] {"{}", "x", "1", "]"}) {
            String text = "{\"feedbackId\":\"a\",\"attempt\":1}" + tail;
            assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue(text, Message.class), tail);
            assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(text), tail);
            assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(stream(text)), tail);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
