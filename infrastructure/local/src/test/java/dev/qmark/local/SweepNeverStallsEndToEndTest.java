package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.escalation.EscalationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sweeper never stalls, through the running local system (issue 14's "done when"): 120
 * escalations that fail on every sweep come first in the deadline index, 20 healthy ones behind
 * them. The healthy ones are reminded, breached and sent up the chain on time; the failing ones
 * are postponed with backoff and then listed as stuck.
 *
 * <p>Why they fail is real: their feedback items carry a channel this version does not know, as
 * items written by a newer version read after a rollback would. (Before this change each sweep
 * read the same first 100 due escalations, failed them, and stopped.)
 */
class SweepNeverStallsEndToEndTest {

    static final int FAILING = 120;
    static final int HEALTHY = 20;

    static LocalSystem system;
    static LocalHttp http;
    static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void start() {
        // no scheduled sweep: the test moves the clock and sweeps itself
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null, null));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    static void stop() {
        system.close();
        // the figures for the closing note of issue 14
        String text = String.join("\n", figures) + "\n";
        System.out.println("sweep figures (120 failing + 20 healthy):\n" + text);
        try {
            Path out = Path.of("target", "sweep-figures.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthyDeadlinesKeepTheirTimeBehind120FailingOnes() {
        long started = System.nanoTime();
        String run = Long.toString(System.nanoTime(), 36);
        List<String> failing = post("Late delivery broken " + run, FAILING);
        awaitAsked(failing);
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        for (String id : failing) {
            dynamo.updateItem(u -> u.tableName(StackResources.TABLE)
                    .key(Map.of("pk", AttributeValue.fromS("FB#" + id), "sk", AttributeValue.fromS("ITEM")))
                    .updateExpression("SET channel = :channel")
                    .expressionAttributeValues(Map.of(":channel", AttributeValue.fromS("whatsapp"))));
        }
        List<String> healthy = post("Late delivery healthy " + run, HEALTHY);
        awaitAsked(healthy);
        Duration setUp = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(setUp.compareTo(Duration.ofMinutes(4)) < 0, "setting up took " + setUp + "; the clock steps assume less");

        // half-way through Dana's four hours for every item (all were asked within the last 4 minutes)
        advance("PT2H4M");
        JsonNode first = sweep("first reminders due");
        assertEquals(ids(healthy, 1), Set.copyOf(texts(first.path("reminded"))), "every healthy one reminded at once");
        assertEquals(ids(failing, 1), Set.copyOf(texts(first.path("postponed"))));
        JsonNode f = first.path("figures");
        assertEquals(FAILING + HEALTHY, f.path("due").asInt(), f.toString());
        assertEquals(HEALTHY, f.path("done").asInt(), f.toString());
        assertEquals(FAILING, f.path("failed").asInt(), f.toString());
        assertEquals(FAILING, f.path("postponed").asInt(), f.toString());

        // the failing ones come back after 1, 2, 4, 8 minutes; the fifth failure in a row sets them aside
        for (String wait : List.of("PT1M", "PT2M", "PT4M", "PT8M")) {
            advance(wait);
            JsonNode retry = sweep("retry after " + wait);
            assertEquals(FAILING, retry.path("figures").path("failed").asInt(), retry.path("figures").toString());
            assertEquals(0, retry.path("reminded").size(), "nothing healthy is due now");
        }
        assertEquals(ids(failing, 1), Set.copyOf(ports().sweepList().stuckEscalations(null, 1000).stream()
                .map(e -> e.id()).toList()), "every failing one set aside");
        JsonNode listed = http.json(http.get("/escalations?status=stuck&limit=100"));
        assertEquals(100, listed.path("items").size(), "listed as stuck (a page of the API's most)");
        JsonNode one = listed.path("items").get(0);
        assertTrue(ids(failing, 1).contains(one.path("id").asText()), one.toString());
        assertEquals(5, one.path("failures").asInt(), one.toString());
        assertTrue(one.path("reason").asText().contains("WHATSAPP"), one.toString());
        assertTrue(one.path("stuck").asBoolean(), one.toString());
        assertEquals("open", one.path("status").asText(), "still open: Dana may answer it any time");
        JsonNode quiet = sweep("after the failing ones were set aside");
        assertEquals(0, quiet.path("figures").path("due").asInt(), "off the sweeper's list");

        advance("PT45M");  // three hours in: the second reminders, one hour before each deadline
        JsonNode second = sweep("second reminders due");
        assertEquals(ids(healthy, 1), Set.copyOf(texts(second.path("reminded"))));

        advance("PT1H");  // four hours in: every healthy deadline has passed
        JsonNode breach = sweep("deadlines passed");
        assertEquals(ids(healthy, 1), Set.copyOf(texts(breach.path("breached"))));
        Set<String> climbed = new HashSet<>();
        healthy.forEach(id -> climbed.add(id + "-1 -> ops"));
        assertEquals(climbed, Set.copyOf(texts(breach.path("escalated"))));
        assertEquals(ids(healthy, 1), Set.copyOf(texts(breach.path("toldLate"))));
        assertEquals(HEALTHY, http.countMail("olivia@example.com", "? Late delivery healthy " + run));
        assertEquals(2L * HEALTHY, http.countMail("dana@example.com", "Reminder: ? Late delivery healthy " + run));
        assertEquals(0, http.countMail("dana@example.com", "Reminder: ? Late delivery broken " + run));
    }

    private static List<String> post(String subject, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(http.json(http.post("/feedback", "application/json", "{\"name\":\"Customer " + i + "\",\"email\":\"c" + i
                    + "@example.org\",\"subject\":\"" + subject + " " + i + "\",\"message\":\"Where is my parcel?\","
                    + "\"rating\":2}")).path("id").asText());
        }
        return ids;
    }

    /** Waits until every item's "?" went out (its escalation is open). */
    private static void awaitAsked(List<String> ids) {
        Set<String> wanted = ids(ids, 1);
        LocalHttp.await(ids.size() + " questions asked", () -> {
            Set<String> open = new HashSet<>();
            ports().sweepList().escalations(EscalationStatus.OPEN, null, null, 10_000).forEach(e -> open.add(e.id()));
            return open.containsAll(wanted) ? Optional.of(true) : Optional.empty();
        });
    }

    /** The table itself, for what the API pages through 100 at a time. */
    private static TablePorts ports() {
        return new TablePorts(AwsClients.dynamoDb(), StackResources.TABLE);
    }

    private static Set<String> ids(List<String> feedbackIds, int step) {
        Set<String> ids = new HashSet<>();
        feedbackIds.forEach(id -> ids.add(id + "-" + step));
        return ids;
    }

    private static void advance(String duration) {
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"" + duration + "\"}").statusCode());
    }

    private static JsonNode sweep(String when) {
        long started = System.nanoTime();
        JsonNode report = http.json(http.post("/_local/sweep", "application/json", ""));
        figures.add(when + ": " + report.path("figures") + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return report;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
