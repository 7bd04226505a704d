package dev.qmark.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.figures.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /stats} and {@code GET /reports/town-hall} through the staff-api handler, on the aggregates only. */
class ReportsApiTest {

    private final TestBed bed = TestBed.create();
    private final StaffApiHandler handler = new StaffApiHandler(bed.env());
    private final DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);

    private JsonNode get(String sample, String query) {
        ObjectNode event = SampleEvents.json(sample);
        event.put("rawQueryString", query);
        ObjectNode params = event.putObject("queryStringParameters");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return Invoke.handler(handler, event.toString());
    }

    private static JsonNode body(JsonNode response) {
        try {
            return Json.MAPPER.readTree(response.path("body").asText());
        } catch (Exception e) {
            throw new AssertionError(response.toString(), e);
        }
    }

    private void count(Fact.Kind kind, String id, String at, Long minutes, Integer rating) {
        Instant when = Instant.parse(at);
        figures.count(new Fact(kind, id, 1, when, LocalDate.parse(at.substring(0, 10)),
                List.of("all#all", "owner#delivery", "route#late-delivery"), minutes, rating, "Late", "delivery", "words", null));
    }

    @Test
    void statsAddUpTheDaysOfEachGroup() {
        count(Fact.Kind.ASKED, "a", "2026-11-02T03:00:00Z", null, null);
        count(Fact.Kind.ANSWERED, "a", "2026-11-02T04:00:00Z", 50L, null);
        count(Fact.Kind.ASKED, "b", "2026-11-03T03:00:00Z", null, null);
        count(Fact.Kind.BREACHED, "b", "2026-11-03T08:00:00Z", 30L, null);
        count(Fact.Kind.BREACHED, "b", "2026-11-03T08:00:00Z", 30L, null);   // the stream record again
        count(Fact.Kind.RATED, "b", "2026-11-03T03:00:00Z", null, 2);

        JsonNode response = get("staff-api-stats.json", "from=2026-11-01&to=2026-11-30&by=owner");
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        JsonNode group = body(response).path("groups").get(0);
        assertEquals("delivery", group.path("group").asText());
        JsonNode total = group.path("total");
        assertEquals(2, total.path("asked").asInt());
        assertEquals(1, total.path("answered").asInt());
        assertEquals(1, total.path("breaches").asInt());
        assertEquals(0.5, total.path("breachRate").asDouble());
        assertEquals(50, total.path("maxMinutes").asInt());
        assertEquals(2.0, total.path("ratingMean").asDouble());
        assertEquals(2, group.path("days").size());
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("from", body(get("staff-api-stats.json", "to=2026-11-30")).path("field").asText());
        assertEquals("by", body(get("staff-api-stats.json", "from=2026-11-01&to=2026-11-30&by=mood")).path("field").asText());
        assertEquals("to", body(get("staff-api-stats.json", "from=2026-11-30&to=2026-11-01")).path("field").asText());
        assertEquals("to", body(get("staff-api-stats.json", "from=2025-01-01&to=2026-11-01")).path("field").asText());
    }

    @Test
    void theTownHallIsAPrintablePage() {
        count(Fact.Kind.RATED, "c", "2026-11-10T03:00:00Z", null, 1);
        JsonNode response = get("staff-api-town-hall.json", "from=2026-11-09&to=2026-11-22");
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertTrue(response.path("headers").toString().contains("text/html"), response.toString());
        String page = response.path("body").asText();
        assertTrue(page.contains("Most unsatisfied") && page.contains("&ldquo;words&rdquo;"), page);
    }
}
