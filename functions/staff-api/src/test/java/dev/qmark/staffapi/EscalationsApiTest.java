package dev.qmark.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /escalations: the clocks that run (open) and the ones that ran out (late), with filters. */
class EscalationsApiTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    TestBed bed;
    StaffApiHandler handler;
    String openDana;
    String openOlivia;
    String lateDana;

    @BeforeEach
    void escalations() {
        bed = TestBed.create();
        handler = new StaffApiHandler(bed.env());
        FeedbackRepository repository = bed.repository();
        TablePorts ports = bed.ports();
        openDana = ask(repository, ports, "delivery", "dana@example.com", T0.plus(Duration.ofHours(4)));
        openOlivia = ask(repository, ports, "ops", "olivia@example.com", T0.plus(Duration.ofHours(24)));
        lateDana = ask(repository, ports, "delivery", "dana@example.com", T0.plus(Duration.ofHours(1)));
        String feedbackId = lateDana.substring(0, lateDana.indexOf('-'));
        ports.escalations().markLate(repository.findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow(),
                T0.plus(Duration.ofHours(2)), new TimelineEvent(T0.plus(Duration.ofHours(2)), "late", "x"));
        ports.escalations().finishBreach(feedbackId, 1);
    }

    @Test
    void listsOpenAndLateSoonestDueFirstWithFilters() {
        assertEquals(List.of(openDana, openOlivia), ids(get(Map.of("status", "open"))));
        assertEquals(List.of(lateDana), ids(get(Map.of("status", "late"))));
        assertEquals(List.of(lateDana, openDana, openOlivia), ids(get(Map.of())));
        assertEquals(List.of(lateDana, openDana), ids(get(Map.of("owner", "delivery"))));
        assertEquals(List.of(lateDana, openDana), ids(get(Map.of("due-before", T0.plus(Duration.ofHours(5)).toString()))));
        assertEquals("late", get(Map.of("status", "late")).path("items").get(0).path("status").asText());
    }

    @Test
    void stuckOnesAreListedWithWhyAndHowOftenAndLeaveTheOpenList() {
        FeedbackRepository repository = bed.repository();
        TablePorts ports = bed.ports();
        Instant at = T0.plus(Duration.ofHours(3));
        Escalation olivia = open(repository, ports, openOlivia);
        assertEquals(true, ports.sweepList().postponeCheck(olivia, at.plusSeconds(60), "IllegalStateException: bad item", at, false, null));
        assertEquals(false, ports.sweepList().postponeCheck(olivia, at.plusSeconds(60), "a racing sweep", at, false, null),
                "a second sweep that read it before the first postponed it counts no second failure");
        JsonNode postponed = get(Map.of("status", "open", "owner", "ops")).path("items").get(0);
        assertEquals(1, postponed.path("failures").asInt(), postponed.toString());
        assertEquals("IllegalStateException: bad item", postponed.path("reason").asText());
        assertEquals(false, postponed.path("stuck").asBoolean());

        Escalation again = open(repository, ports, openOlivia);
        assertEquals(1, again.sweep().failures());
        assertEquals(true, ports.sweepList().postponeCheck(again, at.plusSeconds(180), "IllegalStateException: bad item", at.plusSeconds(60),
                true, new TimelineEvent(at.plusSeconds(60), "stuck", "set aside")));
        assertEquals(List.of(openDana), ids(get(Map.of("status", "open"))));
        JsonNode stuck = get(Map.of("status", "stuck"));
        assertEquals(List.of(openOlivia), ids(stuck));
        JsonNode view = stuck.path("items").get(0);
        assertEquals(2, view.path("failures").asInt(), view.toString());
        assertEquals(true, view.path("stuck").asBoolean());
        assertEquals("open", view.path("status").asText());
        assertEquals(List.of(), ids(get(Map.of("status", "stuck", "owner", "delivery"))));
        assertEquals(0, ports.sweepList().dueEscalations(T0.plus(Duration.ofDays(9)), 100).stream()
                .filter(e -> e.id().equals(openOlivia)).count(), "off the sweeper's list");
    }

    private static Escalation open(FeedbackRepository repository, TablePorts ports, String id) {
        return ports.sweepList().escalations(EscalationStatus.OPEN, null, null, 100).stream()
                .filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void refusalsNameTheParameter() {
        assertEquals("status", get(Map.of("status", "answered")).path("field").asText());
        assertEquals("due-before", get(Map.of("due-before", "tomorrow")).path("field").asText());
        assertEquals("limit", get(Map.of("limit", "0")).path("field").asText());
    }

    private String ask(FeedbackRepository repository, TablePorts ports, String owner, String email, Instant due) {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("C", "c@example.org"), "s", "m", null,
                T0, FeedbackStatus.RECEIVED, null);
        repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(60), new TimelineEvent(T0, "received", "web"));
        ports.escalations().claimEscalation(new Escalation(f.id(), 1, owner, email, EscalationStatus.ASKING, null, due, null, null, null),
                T0, Duration.ofSeconds(30));
        ports.escalations().markAsked(f.id(), 1, "mail", T0.plusSeconds(1), List.of(), new TimelineEvent(T0.plusSeconds(1), "asked", owner));
        return f.id() + "-1";
    }

    private JsonNode get(Map<String, String> query) {
        ObjectNode event = SampleEvents.json("staff-api-list-escalations.json");
        ObjectNode params = event.putObject("queryStringParameters");
        query.forEach(params::put);
        JsonNode response = Invoke.handler(handler, event.toString());
        return readTree(response.path("body").asText());
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
