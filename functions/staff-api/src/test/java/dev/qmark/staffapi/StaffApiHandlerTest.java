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
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.ports.Escalations.AnswerOutcome;
import dev.qmark.core.ports.MailClaims.Claim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff API as Lambda runs it behind the HTTP API, reading DynamoDB Local over the real SDK:
 * one item with its route, escalations and timeline; lists newest first, filtered and paged.
 */
class StaffApiHandlerTest {

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
    void oneAnsweredItemWithRouteEscalationAndTimeline() {
        String id = store("minsu@example.org", "Minsu Kim", "My delivery is late", T0);
        answered(id);

        JsonNode response = invoke(getOne(id));

        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        assertTrue(response.at("/headers/content-type").asText().startsWith("application/json"));
        JsonNode item = body(response);
        assertEquals(id, item.get("id").asText());
        assertEquals("answered", item.get("status").asText());
        assertEquals("web", item.get("channel").asText());
        assertEquals("Minsu Kim", item.at("/customer/name").asText());
        assertEquals("minsu@example.org", item.at("/customer/email").asText());
        assertEquals("My delivery is late", item.get("subject").asText());
        assertEquals("Ordered Monday, still nothing.", item.get("message").asText());
        assertEquals(2, item.get("rating").asInt());
        assertEquals(T0, instant(item.get("receivedAt")));

        JsonNode route = item.get("route");
        assertEquals("late-delivery", route.get("name").asText());
        assertEquals("delivery", route.get("owner").asText());
        assertEquals("PT4H", route.get("answerWithin").asText());
        assertEquals(T0.plusSeconds(60), instant(route.get("decidedAt")));
        assertEquals(T0.plusSeconds(60).plus(Duration.ofHours(4)), instant(route.get("dueAt")));
        assertEquals("delivery", item.get("owner").asText());

        assertEquals(1, item.get("escalations").size());
        JsonNode escalation = item.get("escalations").get(0);
        assertEquals(id + "-1", escalation.get("id").asText());
        assertEquals(1, escalation.get("step").asInt());
        assertEquals("delivery", escalation.get("owner").asText());
        assertEquals("dana@example.com", escalation.get("ownerEmail").asText());
        assertEquals("answered", escalation.get("status").asText());
        assertEquals(T0.plusSeconds(120), instant(escalation.get("askedAt")));
        assertEquals(T0.plusSeconds(60).plus(Duration.ofHours(4)), instant(escalation.get("dueAt")));
        assertEquals(T0.plus(Duration.ofHours(3)), instant(escalation.get("answeredAt")));
        assertEquals("Found it in the depot; it goes out today.", escalation.get("answer").asText());
        assertEquals("dana@example.com", escalation.get("answeredBy").asText());

        List<String> types = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        item.get("timeline").forEach(e -> {
            types.add(e.get("type").asText());
            times.add(instant(e.get("at")));
            assertFalse(e.get("detail").asText().isBlank());
        });
        assertEquals(List.of("received", "routed", "asked", "answered", "founder-told"), types, "oldest first");
        assertEquals(times.stream().sorted().toList(), times);
    }

    @Test
    void aFreshItemShowsNoRouteAndNoEscalations() {
        String id = store("minsu@example.org", "Minsu Kim", "Hello", T0);
        JsonNode item = body(invoke(getOne(id)));
        assertEquals("received", item.get("status").asText());
        assertTrue(item.get("route").isNull(), "null, not missing: " + item);
        assertTrue(item.get("owner").isNull());
        assertEquals(0, item.get("escalations").size());
        assertEquals(1, item.get("timeline").size());
    }

    @Test
    void theSampleEventAsksForTheItemItNames() {
        String id = store("minsu@example.org", "Minsu Kim", "Hello", T0);
        ObjectNode event = SampleEvents.json("staff-api-get-feedback.json");
        String sampleId = event.at("/pathParameters/id").asText();
        String text = event.toString().replace(sampleId, id);
        assertEquals(id, body(Invoke.handler(handler, text)).get("id").asText());
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        store("minsu@example.org", "Minsu Kim", "Hello", T0);
        for (String id : new String[] {FeedbackIds.newId(), "not-an-id", "ABCDEFGHJKMNPQRS", "0123456789abcdeu",
                "%2e%2e", "0123456789abcdef0"}) {
            JsonNode response = invoke(getOne(id));
            assertEquals(404, response.get("statusCode").asInt(), id);
            assertEquals("id", body(response).get("field").asText(), id);
        }
        ObjectNode deeper = getOne(FeedbackIds.newId());
        deeper.put("rawPath", "/feedback/" + FeedbackIds.newId() + "/escalations");
        deeper.remove("pathParameters");
        assertEquals(404, invoke(deeper).get("statusCode").asInt());
        ObjectNode elsewhere = list(Map.of());
        elsewhere.put("rawPath", "/reviews");
        assertEquals(404, invoke(elsewhere).get("statusCode").asInt());
    }

    @Test
    void listsNewestFirstInPages() {
        String oldest = store("a@example.org", "A", "First", T0);
        String middle = store("b@example.org", "B", "Second", T0.plusSeconds(3600));
        String newest = store("c@example.org", "C", "Third", T0.plusSeconds(7200));

        JsonNode all = body(invoke(list(Map.of())));
        assertEquals(List.of(newest, middle, oldest), ids(all));
        assertTrue(all.get("cursor").isNull());

        JsonNode first = body(invoke(list(Map.of("limit", "2"))));
        assertEquals(List.of(newest, middle), ids(first));
        String cursor = first.get("cursor").asText();
        assertFalse(cursor.isBlank());

        JsonNode second = body(invoke(list(Map.of("limit", "2", "cursor", cursor))));
        assertEquals(List.of(oldest), ids(second));
        assertTrue(second.get("cursor").isNull(), "the last page has no cursor: " + second);

        JsonNode summary = first.get("items").get(0);
        assertEquals("c@example.org", summary.at("/customer/email").asText());
        assertEquals("Third", summary.get("title").asText());
        assertEquals("received", summary.get("status").asText());
        assertEquals(T0.plusSeconds(7200), instant(summary.get("receivedAt")));
        assertFalse(summary.has("message"), "the list shows summaries");
        assertFalse(summary.has("timeline"));
    }

    @Test
    void filtersByCustomerWhateverTheCase() {
        String a1 = store("minsu@example.org", "Minsu Kim", "One", T0);
        store("jin@example.org", "Jin Lee", "Other", T0.plusSeconds(60));
        String a2 = store("minsu@example.org", "Minsu Kim", "Two", T0.plusSeconds(120));

        assertEquals(List.of(a2, a1), ids(body(invoke(list(Map.of("customer", "minsu@example.org"))))));
        assertEquals(List.of(a2, a1), ids(body(invoke(list(Map.of("customer", " Minsu@Example.ORG "))))));
        assertEquals(List.of(), ids(body(invoke(list(Map.of("customer", "nobody@example.org"))))));

        JsonNode page = body(invoke(list(Map.of("customer", "minsu@example.org", "limit", "1"))));
        assertEquals(List.of(a2), ids(page));
        JsonNode next = body(invoke(list(Map.of("customer", "minsu@example.org", "limit", "1",
                "cursor", page.get("cursor").asText()))));
        assertEquals(List.of(a1), ids(next));
    }

    @Test
    void filtersByStatusAcrossPages() {
        String r1 = store("a@example.org", "A", "Received one", T0);
        String answered = store("b@example.org", "B", "Answered", T0.plusSeconds(60));
        answered(answered);
        String r2 = store("c@example.org", "C", "Received two", T0.plusSeconds(120));
        String routed = store("d@example.org", "D", "Routed", T0.plusSeconds(180));
        route(routed, T0.plusSeconds(200));

        assertEquals(List.of(r2, r1), ids(body(invoke(list(Map.of("status", "received"))))));
        assertEquals(List.of(answered), ids(body(invoke(list(Map.of("status", "ANSWERED"))))));
        assertEquals(List.of(routed), ids(body(invoke(list(Map.of("status", "routed"))))));
        assertEquals(List.of(), ids(body(invoke(list(Map.of("status", "asked"))))));

        // the filter applies after DynamoDB's Limit: pages are still full and still in order
        JsonNode page = body(invoke(list(Map.of("status", "received", "limit", "1"))));
        assertEquals(List.of(r2), ids(page));
        JsonNode next = body(invoke(list(Map.of("status", "received", "limit", "1", "cursor",
                page.get("cursor").asText()))));
        assertEquals(List.of(r1), ids(next));

        // the sample event: status=asked&limit=10
        String asked = store("e@example.org", "E", "Asked", T0.plusSeconds(240));
        route(asked, T0.plusSeconds(250));
        ask(asked, T0.plusSeconds(260));
        assertEquals(List.of(asked), ids(body(invoke(SampleEvents.json("staff-api-list-feedback.json")))));
    }

    @Test
    void aBadStatusIs400NamingStatus() {
        for (String status : new String[] {"open", "routed,asked", "x"}) {
            JsonNode response = invoke(list(Map.of("status", status)));
            assertEquals(400, response.get("statusCode").asInt(), status);
            assertEquals("status", body(response).get("field").asText());
            assertTrue(body(response).get("error").asText().contains("answered"), "it says what is allowed");
        }
    }

    @Test
    void aBadLimitIs400NamingLimit() {
        for (String limit : new String[] {"0", "101", "x", "-1", "2.5", "99999999999"}) {
            JsonNode response = invoke(list(Map.of("limit", limit)));
            assertEquals(400, response.get("statusCode").asInt(), limit);
            assertEquals("limit", body(response).get("field").asText(), limit);
        }
        assertEquals(200, invoke(list(Map.of("limit", "100"))).get("statusCode").asInt());
        assertEquals(200, invoke(list(Map.of("limit", "1"))).get("statusCode").asInt());
    }

    @Test
    void aGarbageCursorIs400() {
        store("a@example.org", "A", "One", T0);
        String notOurs = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("hello\u0000world\u0000".getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"!!!", "x", "bm90IGEgY3Vyc29y", notOurs}) {
            JsonNode response = invoke(list(Map.of("cursor", cursor)));
            assertEquals(400, response.get("statusCode").asInt(), cursor);
            assertEquals("cursor", body(response).get("field").asText(), cursor);
        }
    }

    /*
     * StaffApi promises "every refusal names the parameter at fault", and a cursor is opaque to
     * callers. FeedbackListing.decode only checks that a cursor has pk and sk; one that has them
     * but lacks the index's keys (a tampered cursor, or a cursor from the unfiltered list reused
     * with customer=) reaches DynamoDB, whose ValidationException (a DynamoDbException, not an
     * IllegalArgumentException) escapes the handler: the caller gets a 500 instead of a 400.
     */
    @Test
    void aCursorThatDoesNotFitTheQueryIs400() {
        store("a@example.org", "A", "One", T0);
        store("a@example.org", "A", "Two", T0.plusSeconds(60));
        store("b@example.org", "B", "Three", T0.plusSeconds(120));
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("pk\u0000FB#x\u0000sk\u0000ITEM\u0000".getBytes(StandardCharsets.UTF_8));
        String fromTheFullList = body(invoke(list(Map.of("limit", "1")))).get("cursor").asText();

        for (Map<String, String> query : List.of(Map.of("cursor", tampered),
                Map.of("customer", "a@example.org", "cursor", fromTheFullList))) {
            JsonNode response;
            try {
                response = invoke(list(query));
            } catch (RuntimeException e) {
                throw new AssertionError("the handler failed instead of answering 400 for " + query, e);
            }
            assertEquals(400, response.get("statusCode").asInt(), query.toString());
            assertEquals("cursor", body(response).get("field").asText());
        }
    }

    @Test
    void onlyGetIsAllowed() {
        String id = store("a@example.org", "A", "One", T0);
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            ObjectNode post = list(Map.of());
            ((ObjectNode) post.at("/requestContext/http")).put("method", method);
            post.put("body", "{\"status\": \"answered\"}");
            JsonNode response = invoke(post);
            assertEquals(405, response.get("statusCode").asInt(), method);
            assertTrue(body(response).get("error").asText().contains("GET"));

            ObjectNode one = getOne(id);
            ((ObjectNode) one.at("/requestContext/http")).put("method", method);
            assertEquals(405, invoke(one).get("statusCode").asInt(), method);
        }
        assertEquals(FeedbackStatus.RECEIVED, repository.find(id).orElseThrow().status(), "nothing changed");
    }

    // --- the item's history, written as the functions write it -------------------------------

    private String store(String email, String name, String subject, Instant at) {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer(name, email), subject,
                "Ordered Monday, still nothing.", 2, at, FeedbackStatus.RECEIVED, null);
        assertTrue(repository.storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", at.plusSeconds(600),
                new TimelineEvent(at, "received", "received via web from " + email)).created());
        return feedback.id();
    }

    private void route(String id, Instant at) {
        assertTrue(repository.recordRoute(id, new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                at.plus(Duration.ofHours(4)), at), new TimelineEvent(at, "routed", "route late-delivery -> delivery")));
    }

    private void ask(String id, Instant at) {
        Instant due = repository.find(id).orElseThrow().route().dueAt();
        assertEquals(Claim.CLAIMED, ports.escalations().claimEscalation(new Escalation(id, 1, "delivery", "dana@example.com",
                EscalationStatus.ASKING, null, due, null, null, null), at, Duration.ofSeconds(30)));
        ports.escalations().markAsked(id, 1, "ses-" + id, at, java.util.List.of(), new TimelineEvent(at, "asked", "\"?\" sent to Dana"));
    }

    /** Routed a minute after receipt, asked a minute later, answered after three hours, founder told. */
    private void answered(String id) {
        Instant received = repository.find(id).orElseThrow().receivedAt();
        route(id, received.plusSeconds(60));
        ask(id, received.plusSeconds(120));
        Instant at = received.plus(Duration.ofHours(3));
        assertEquals(AnswerOutcome.RECORDED, ports.escalations().recordAnswer(id, 1, "Found it in the depot; it goes out today.",
                "dana@example.com", "mail-" + id, at, new TimelineEvent(at, "answered", "Dana answered")));
        assertEquals(Claim.CLAIMED, ports.mailClaims().claim(new Notice.OfEscalation(id, 1, "founder"), at, Duration.ofSeconds(30)));
        ports.mailClaims().markSent(new Notice.OfEscalation(id, 1, "founder"), at.plusSeconds(1), new TimelineEvent(at.plusSeconds(1),
                "founder-told", "answer sent to Jeff"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private static ObjectNode getOne(String id) {
        ObjectNode event = SampleEvents.json("staff-api-get-feedback.json");
        event.put("rawPath", "/feedback/" + id);
        event.putObject("pathParameters").put("id", id);
        ((ObjectNode) event.at("/requestContext/http")).put("path", "/feedback/" + id);
        return event;
    }

    private static ObjectNode list(Map<String, String> query) {
        ObjectNode event = SampleEvents.json("staff-api-list-feedback.json");
        ObjectNode params = event.putObject("queryStringParameters");
        StringBuilder raw = new StringBuilder();
        new LinkedHashMap<>(query).forEach((k, v) -> {
            params.put(k, v);
            raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(v);
        });
        event.put("rawQueryString", raw.toString());
        return event;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
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
