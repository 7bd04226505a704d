package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines through the running local system, as the README tells a person to try them: post
 * feedback, move the clock (POST /_local/clock), sweep (POST /_local/sweep), and watch the
 * reminder, the breach mail to the manager, then to the founder, and an answer stopping it all.
 */
class DeadlinesEndToEndTest {

    static LocalSystem system;
    static LocalHttp http;

    @BeforeAll
    static void start() {
        // no scheduled sweep: this test sweeps when it has moved the clock, and must not race the schedule
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null, null));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void reminderThenManagerThenFounderThenAnAnswerStopsIt() {
        String subject = "Delivery late again " + System.nanoTime();
        String id = http.json(http.post("/feedback", "application/json", "{\"name\":\"Minsu\",\"email\":\"minsu@example.org\","
                + "\"subject\":\"" + subject + "\",\"message\":\"Third week without my parcel.\",\"rating\":2}")).path("id").asText();
        http.awaitMail("dana@example.com", "? " + subject);
        awaitOpen(id, 1);

        advance("PT2H");
        assertTrue(texts(sweep().path("reminded")).contains(id + "-1"));
        http.awaitMail("dana@example.com", "Reminder: ? " + subject);

        advance("PT2H");
        JsonNode breach = sweep();
        assertTrue(texts(breach.path("escalated")).contains(id + "-1 -> ops"), breach.toString());
        assertTrue(http.awaitMail("olivia@example.com", "? " + subject).path("text").asText().contains("Asked before you:"));
        http.awaitMail("dana@example.com", "Late: ? " + subject);
        awaitOpen(id, 2);

        advance("PT4H");
        assertTrue(texts(sweep().path("escalated")).contains(id + "-2 -> founder"));
        JsonNode toJeff = http.awaitMail("jeff@example.com", "? " + subject);

        JsonNode late = http.json(http.get("/escalations?status=late"));
        assertTrue(late.toString().contains(id + "-1") && late.toString().contains(id + "-2"), late.toString());
        JsonNode item = http.json(http.get("/feedback/" + id));
        assertEquals("[\"delivery\",\"ops\",\"founder\"]", item.path("chain").toString());

        // the founder answers by replying: every clock of the item stops
        http.post("/_local/mail/reply", "application/x-www-form-urlencoded",
                "messageId=" + URLEncoder.encode(toJeff.path("messageId").asText(), StandardCharsets.UTF_8)
                        + "&from=jeff%40example.com&text=" + URLEncoder.encode("I called Minsu; courier replaced.", StandardCharsets.UTF_8));
        JsonNode answered = LocalHttp.await("the founder's answer", () -> {
            JsonNode now = http.json(http.get("/feedback/" + id));
            return now.path("status").asText().equals("answered") ? Optional.of(now) : Optional.empty();
        });
        List<String> statuses = new ArrayList<>();
        answered.path("escalations").forEach(e -> statuses.add(e.path("status").asText()));
        assertEquals(List.of("late", "late", "answered"), statuses);

        long mailsBefore = http.outbox().size();
        advance("PT24H");
        JsonNode quiet = sweep();
        assertTrue(!quiet.toString().contains(id), quiet.toString());
        // the founder's own "answered" notice may still be arriving; nothing else is sent for this item
        assertEquals(1, http.countMail("dana@example.com", "Reminder: ? " + subject));
        assertTrue(http.outbox().size() <= mailsBefore + 1);
    }

    @Test
    void theClockOnlyMovesForwardAndSaysSo() {
        assertEquals(400, http.post("/_local/clock", "application/json", "{\"advance\":\"-PT1H\"}").statusCode());
        assertEquals(400, http.post("/_local/clock", "application/json", "{\"advance\":\"soon\"}").statusCode());
        assertTrue(http.json(http.get("/_local/clock")).has("now"));
    }

    /**
     * A "?" is out before its step is marked asked (claim, send, mark): a sweep right after the mail
     * arrived could still find the step being asked, not on its list, so wait for the mark.
     */
    private static void awaitOpen(String id, int step) {
        LocalHttp.await("step " + step + " open", () -> {
            JsonNode now = http.json(http.get("/feedback/" + id));
            return now.path("escalations").size() >= step
                    && now.path("escalations").get(step - 1).path("status").asText().equals("open")
                    ? Optional.of(now) : Optional.empty();
        });
    }

    private static void advance(String duration) {
        assertEquals(200, http.post("/_local/clock", "application/json", "{\"advance\":\"" + duration + "\"}").statusCode());
    }

    private static JsonNode sweep() {
        return http.json(http.post("/_local/sweep", "application/json", ""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
