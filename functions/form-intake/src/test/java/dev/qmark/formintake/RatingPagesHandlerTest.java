package dev.qmark.formintake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.dynamodb.DynamoCustomerLetters;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters.Letter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The rating pages through the handler on DynamoDB Local and ElasticMQ: the sample events, a GET
 * that shows and records nothing, a POST that records and (low) asks the founder, and a token
 * that is not ours answered with a page, never a stack trace.
 */
class RatingPagesHandlerTest {

    private static final String KEY = "00000000000000aa";

    private TestBed bed;
    private FormIntakeHandler handler;
    private DynamoCustomerLetters letters;
    private String token;
    private String id;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new FormIntakeHandler(bed.env());
        letters = new DynamoCustomerLetters(bed.dynamo, bed.table);
        id = FormIntakeHandlerTest.body(Invoke.handler(handler, SampleEvents.json("form-intake-post-json.json").toString()))
                .get("id").asText();
        bed.drain(bed.feedbackQueueUrl);
        // the letter is as recent as the test: the 14 days run from now
        letters.recordLetter(new Letter(id, KEY, 1, "dana@example.com", "Dana", Instant.now(), "It left today."),
                new TimelineEvent(Instant.now(), "written-to-customer", "Dana wrote"));
        token = new ReplyTokens(TestBed.SECRET).issueRating(id, KEY);
    }

    private JsonNode invoke(String sample, String withToken) {
        ObjectNode event = SampleEvents.json(sample);
        String original = event.path("pathParameters").path("token").asText();
        return Invoke.handler(handler, event.toString().replace(original, withToken));
    }

    @Test
    void theLinkShowsThePageWithItsScoreAndRecordsNothing() {
        JsonNode page = invoke("form-intake-get-rating.json", token);
        assertEquals(200, page.path("statusCode").asInt());
        assertTrue(page.path("body").asText().contains("value=\"4\" checked"), page.path("body").asText());
        assertTrue(letters.rating(id, KEY).isEmpty());
    }

    @Test
    void thePostRecordsAndALowRatingAsksTheFounder() {
        JsonNode saved = invoke("form-intake-post-rating.json", token);
        assertEquals(200, saved.path("statusCode").asInt());
        assertEquals(4, letters.rating(id, KEY).orElseThrow().score());
        assertEquals("Quick and kind.", letters.rating(id, KEY).orElseThrow().comment());
        assertTrue(bed.drain(bed.escalationQueueUrl).isEmpty(), "a 4 asks nobody");

        ObjectNode low = SampleEvents.json("form-intake-post-rating.json");
        low.put("body", "score=1&comment=Nobody+called.");
        String original = low.path("pathParameters").path("token").asText();
        assertEquals(200, Invoke.handler(handler, low.toString().replace(original, token)).path("statusCode").asInt());
        List<Message> asked = bed.drain(bed.escalationQueueUrl);
        assertEquals(1, asked.size());
        JsonNode request = FormIntakeHandlerTest.json(asked.get(0).body());
        assertEquals("founder", request.path("owner").asText());
        assertEquals(id, request.path("feedbackId").asText());
        assertTrue(request.path("evenIfAnswered").asBoolean());
    }

    @Test
    void aTokenThatIsNotOursGetsAPageNeverAStackTrace() {
        for (String sample : List.of("form-intake-get-rating.json", "form-intake-post-rating.json")) {
            JsonNode page = invoke(sample, "0123456789abcdef-0123456789abcdef-aaaaaaaaaaaaaaaa");
            assertEquals(404, page.path("statusCode").asInt());
            assertTrue(page.path("body").asText().contains("This link does not work"));
            assertFalse(page.path("body").asText().contains("Exception"));
        }
    }
}
