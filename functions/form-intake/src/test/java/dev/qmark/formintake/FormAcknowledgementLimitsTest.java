package dev.qmark.formintake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.ports.FeedbackRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The form decides which customers the router acknowledges, on DynamoDB Local through the
 * handler: a new submission within the hour's limits per address and per client (API Gateway's
 * source IP) is marked with the form's language; over either limit, or a honeypot, nothing is
 * marked, and the feedback is stored all the same.
 */
class FormAcknowledgementLimitsTest {

    private TestBed bed;
    private FormIntakeHandler handler;
    private int posts;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new FormIntakeHandler(bed.env());
    }

    /** A new submission (new content, no Idempotency-Key) from {@code ip}; answers the item's id. */
    private String post(String email, String ip, String lang) {
        ObjectNode event = SampleEvents.json("form-intake-post-json.json");
        ((ObjectNode) event.get("headers")).remove("idempotency-key");
        ((ObjectNode) event.at("/requestContext/http")).put("sourceIp", ip);
        event.put("body", "{\"name\": \"Minsu Kim\", \"email\": \"" + email + "\", \"message\": \"Late again, "
                + (++posts) + "\", \"lang\": \"" + lang + "\"}");
        JsonNode response = Invoke.handler(handler, event.toString());
        assertEquals(202, response.get("statusCode").asInt(), response.toString());
        return FormIntakeHandlerTest.body(response).get("id").asText();
    }

    /** The language the item is marked to be acknowledged in: what the router reads. */
    private Optional<String> allowed(String id) {
        return bed.repository().findQueued(id).map(FeedbackRepository.Queued::acknowledgeIn);
    }

    @Test
    void aNewSubmissionIsMarkedInTheFormsLanguage() {
        assertEquals(Optional.of("ko"), allowed(post("minsu@example.org", "203.0.113.7", "ko")));
        assertEquals(Optional.of("en"), allowed(post("dana@example.org", "203.0.113.7", "en")));
    }

    @Test
    void oneAddressIsAcknowledgedAFewTimesAnHour() {
        int limit = FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perAddress();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            ids.add(post("minsu@example.org", "198.51.100." + i, "en"));
        }
        for (int i = 0; i < limit; i++) {
            assertTrue(allowed(ids.get(i)).isPresent());
        }
        String over = ids.get(limit);
        assertEquals(Optional.empty(), allowed(over));
        assertTrue(bed.repository().findRecord(over).orElseThrow().timeline().stream()
                .anyMatch(e -> e.type().equals("not-acknowledged")), "stored, and why it got no mail");
    }

    @Test
    void oneClientIsAcknowledgedAFewTimesAnHourWhateverAddressesItTypes() {
        int limit = FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perClient();
        for (int i = 0; i < limit; i++) {
            assertTrue(allowed(post("stranger" + i + "@example.net", "203.0.113.9", "en")).isPresent());
        }
        assertEquals(Optional.empty(), allowed(post("victim@example.net", "203.0.113.9", "en")));
        // the refused one took nothing: the victim's own submission from elsewhere is still acknowledged
        assertTrue(allowed(post("victim@example.net", "192.0.2.1", "en")).isPresent());
    }

    @Test
    void theHoneypotIsNeitherStoredNorMarked() {
        ObjectNode event = SampleEvents.json("form-intake-post-json.json");
        ((ObjectNode) event.get("headers")).remove("idempotency-key");
        event.put("body", "{\"name\": \"Bot\", \"email\": \"victim@example.net\", \"message\": \"Buy\", \"website\": \"x\"}");
        String decoy = FormIntakeHandlerTest.body(Invoke.handler(handler, event.toString())).get("id").asText();
        assertEquals(Optional.empty(), allowed(decoy));
        assertEquals(Optional.empty(), bed.repository().find(decoy));
    }
}
