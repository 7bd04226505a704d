package dev.qmark.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.ReviewQueue.ReviewItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /review} pages with a cursor as {@code GET /feedback} does, and {@code GET /feedback/{id}}
 * lists what a customer's mail carried: through the handler, over DynamoDB Local.
 */
class ReviewAndAttachmentsApiTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestBed bed;
    private FeedbackRepository repository;
    private TablePorts ports;
    private StaffApiHandler handler;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        repository = bed.repository();
        ports = bed.ports();
        handler = new StaffApiHandler(bed.env());
    }

    @Test
    void reviewPagesNewestFirstWithACursor() {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String mailId = "mail-" + i;
            ports.reviewQueue().keepForReview(new ReviewItem(mailId, "s3://mail/inbound/" + mailId, "stranger" + i + "@example.org",
                    "Hello " + i, "not the owner", T0.plusSeconds(60L * i)));
            kept.add(0, mailId); // newest first
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = body(ok(review(cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor))));
            assertTrue(page.has("cursor"), "the answer says whether there is more: " + page);
            assertTrue(page.get("items").size() <= 2, page.toString());
            page.get("items").forEach(item -> seen.add(item.get("mailId").asText()));
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(kept, seen, "every kept mail once, newest first");
        assertEquals(3, pages, "2 + 2 + 1");
        JsonNode all = body(ok(review(Map.of())));
        assertEquals(5, all.get("items").size());
        assertTrue(all.get("cursor").isNull(), "one page holds them all: no cursor");
        JsonNode first = all.get("items").get(0);
        assertEquals("stranger4@example.org", first.get("from").asText());
        assertEquals("not the owner", first.get("reason").asText());
    }

    @Test
    void reviewRefusesABadLimitOrCursorNamingIt() {
        ports.reviewQueue().keepForReview(new ReviewItem("mail-1", "s3://mail/inbound/mail-1", "a@example.org", "Hi",
                "not the owner", T0));
        ports.reviewQueue().keepForReview(new ReviewItem("mail-2", "s3://mail/inbound/mail-2", "b@example.org", "Hi",
                "not the owner", T0.plusSeconds(1)));
        for (String limit : new String[] {"0", "101", "x", "-1"}) {
            JsonNode response = invoke(review(Map.of("limit", limit)));
            assertEquals(400, response.get("statusCode").asInt(), limit);
            assertEquals("limit", body(response).get("field").asText());
        }

        store("Hello", List.of());
        store("Again", List.of());
        String feedbackCursor = body(invoke(list(Map.of("limit", "1")))).get("cursor").asText();
        String forgedPartition = cursor("pk", "REVIEW#mail-2", "sk", "REVIEW", "listPk", "FEEDBACK", "listSk", "x");
        String missingIndexKeys = cursor("pk", "REVIEW#mail-2", "sk", "REVIEW");
        for (String cursor : new String[] {"!!!", "x", "bm90IGEgY3Vyc29y", feedbackCursor, forgedPartition,
                missingIndexKeys}) {
            JsonNode response;
            try {
                response = invoke(review(Map.of("cursor", cursor)));
            } catch (RuntimeException e) {
                throw new AssertionError("the handler failed instead of answering 400 for " + cursor, e);
            }
            assertEquals(400, response.get("statusCode").asInt(), cursor);
            assertEquals("cursor", body(response).get("field").asText(), cursor);
            assertTrue(body(response).get("error").asText().contains("cursor"), body(response).toString());
        }
        // and the other way round: a review cursor is no feedback cursor
        String reviewCursor = body(ok(review(Map.of("limit", "1")))).get("cursor").asText();
        assertEquals(400, invoke(list(Map.of("cursor", reviewCursor))).get("statusCode").asInt());
    }

    @Test
    void oneItemListsTheAttachmentsItsMailCarried() {
        List<Feedback.Attachment> attachments = List.of(new Feedback.Attachment("lid.jpg", "image/jpeg", 1500),
                new Feedback.Attachment("영수증.pdf", "application/pdf", 48213));
        String id = store("Broken lid", attachments);

        JsonNode item = body(ok(one(id)));

        JsonNode listed = item.get("attachments");
        assertEquals(2, listed.size(), item.toString());
        assertEquals("lid.jpg", listed.get(0).get("name").asText());
        assertEquals("image/jpeg", listed.get(0).get("type").asText());
        assertEquals(1500, listed.get(0).get("size").asLong());
        assertEquals("영수증.pdf", listed.get(1).get("name").asText());
        assertEquals("application/pdf", listed.get(1).get("type").asText());
        assertEquals(48213, listed.get(1).get("size").asLong());

        JsonNode web = body(ok(one(store("No files", List.of()))));
        assertTrue(web.get("attachments").isArray(), "an empty list, not missing: " + web);
        assertEquals(0, web.get("attachments").size());
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Stored as mail intake stores a customer's mail: channel email, attachment names, types and sizes. */
    private String store(String subject, List<Feedback.Attachment> attachments) {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.EMAIL, new Customer("Minsu Kim", "minsu@example.org"),
                subject, "See the photo.", null, T0, FeedbackStatus.RECEIVED, null, attachments);
        assertTrue(repository.storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "received by mail from minsu@example.org")).created());
        return feedback.id();
    }

    private static String cursor(String... keyValues) {
        StringBuilder raw = new StringBuilder();
        for (String part : keyValues) {
            raw.append(part).append('\u0000');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode ok(ObjectNode event) {
        JsonNode response = invoke(event);
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        assertFalse(body(response).has("error"));
        return response;
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private static ObjectNode one(String id) {
        ObjectNode event = SampleEvents.json("staff-api-get-feedback.json");
        event.put("rawPath", "/feedback/" + id);
        event.putObject("pathParameters").put("id", id);
        ((ObjectNode) event.at("/requestContext/http")).put("path", "/feedback/" + id);
        return event;
    }

    private static ObjectNode review(Map<String, String> query) {
        ObjectNode event = list(query);
        event.put("rawPath", "/review");
        ((ObjectNode) event.at("/requestContext/http")).put("path", "/review");
        return event;
    }

    private static ObjectNode list(Map<String, String> query) {
        ObjectNode event = SampleEvents.json("staff-api-list-feedback.json");
        ObjectNode params = event.putObject("queryStringParameters");
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> {
            params.put(k, v);
            raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(v);
        });
        event.put("rawQueryString", raw.toString());
        return event;
    }


    private static JsonNode body(JsonNode response) {
        return json(response.get("body").asText());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
