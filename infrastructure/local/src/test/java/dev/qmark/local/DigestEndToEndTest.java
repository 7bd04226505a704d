package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day of feedback through the running local system, then the founder's digest the next morning:
 * five items (three rated low), two answers, a hand-on and a breach; the digest's figures are what
 * happened, a second run that day sends nothing, and "? Q-…" in a reply to it asks the owner again.
 * The figures come through the table's stream (DynamoDB Local's) into the figures function.
 */
class DigestEndToEndTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static LocalSystem system;
    static LocalHttp http;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null, null));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    private static Instant now() {
        return Instant.parse(http.json(http.get("/_local/clock")).path("now").asText());
    }

    private static void advanceTo(ZonedDateTime when) {
        Duration by = Duration.between(now(), when.toInstant());
        http.post("/_local/clock", "application/json", "{\"advance\":\"" + by + "\"}");
    }

    private static String post(String subject, String message, Integer rating) {
        return http.json(http.post("/feedback", "application/json", "{\"name\":\"Minsu\",\"email\":\"minsu@example.org\","
                + "\"subject\":\"" + subject + "\",\"message\":\"" + message + "\"" + (rating == null ? "" : ",\"rating\":" + rating)
                + "}")).path("id").asText();
    }

    private static void reply(JsonNode mail, String from, String text) {
        http.post("/_local/mail/reply", "application/x-www-form-urlencoded",
                "messageId=" + URLEncoder.encode(mail.path("messageId").asText(), StandardCharsets.UTF_8)
                        + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                        + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static void awaitStatus(String id, String status) {
        LocalHttp.await(id + " " + status, () -> http.json(http.get("/feedback/" + id)).toString().contains(status)
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void aDayOfFeedbackMakesTheNextMorningsDigest() throws IOException {
        // the day starts at 09:00 in the founder's time zone (Seoul), whenever the test runs
        ZonedDateTime start = now().atZone(SEOUL).toLocalDate().plusDays(1).atTime(LocalTime.of(9, 0)).atZone(SEOUL);
        advanceTo(start);
        LocalDate day = start.toLocalDate();

        String unhappy = post("Rude support", "Nobody helped me at all.", 1);                      // -> ops (Olivia)
        String late = post("My delivery is late", "배송이 일주일째 안 와요.", 2);                      // -> delivery (Dana)
        String refund = post("Refund for order 77", "Please refund the double charge.", 5);        // -> billing (Bora)
        String app = post("Question", "The app logs me out every day.", null);                     // -> ops
        String shipping = post("Shipping late again", "The parcel is lost, third time.", 2);       // -> delivery, breached

        http.awaitMail("dana@example.com", "? My delivery is late");
        // the local clock keeps ticking: the "?" may have gone out seconds after 09:00 on a loaded
        // machine, so the answer comes 40 1/2 minutes in and counts as 40 whichever way those seconds fall
        advanceTo(start.plusMinutes(40).plusSeconds(30));
        reply(http.awaitMail("dana@example.com", "? My delivery is late"), "dana@example.com", "Courier found it; it arrives today.");
        reply(http.awaitMail("olivia@example.com", "? Rude support"), "olivia@example.com", "I called Minsu and apologised.");
        reply(http.awaitMail("bora@example.com", "? Refund for order 77"), "bora@example.com", "? @ops\nOlivia approves refunds.");
        http.awaitMail("olivia@example.com", "? Refund for order 77");
        http.awaitMail("olivia@example.com", "? Question");
        http.awaitMail("dana@example.com", "? Shipping late again");
        awaitStatus(late, "\"answered\"");
        awaitStatus(unhappy, "\"answered\"");
        awaitStatus(refund, "handed-on");

        advanceTo(start.plusHours(4).plusMinutes(5));
        JsonNode sweep = http.json(http.post("/_local/sweep", "application/json", "{}"));
        assertTrue(sweep.path("escalated").toString().contains(shipping + "-1 -> ops"), sweep.toString());
        http.awaitMail("olivia@example.com", "? Shipping late again");

        // the next morning, after 08:30
        advanceTo(start.plusDays(1).with(LocalTime.of(8, 31)));
        JsonNode digest = http.json(http.post("/_local/digest", "application/json", "{}"));
        assertEquals("sent", digest.path("result").asText(), digest.toString());
        assertEquals(day.toString(), digest.path("day").asText());
        String text = digest.path("text").asText();
        Files.writeString(Path.of("target/digest.txt"), text);
        assertTrue(text.contains("Came in: 5 | ratings: 4, mean 2.5"), text);
        assertTrue(text.contains("Low ratings (1-2), in their words (3)"), text);
        assertTrue(text.contains("Q-" + unhappy + "  ★  Minsu: Rude support"), text);
        assertTrue(text.contains("\"배송이 일주일째 안 와요.\""), text);
        assertTrue(text.contains("Breaches (1)\n  Q-" + shipping + "  delivery late by "), text);
        assertTrue(text.contains(", went to ops  Shipping late again"), text);
        assertTrue(text.contains("Answers (2)\n  Q-" + late + "  delivery in 40m  My delivery is late: Courier found it"), text);
        assertTrue(text.contains("Handed on (1)\n  Q-" + refund + "  billing -> ops"), text);
        assertTrue(text.contains("Open, oldest first (3)"), text);
        assertTrue(text.contains("Q-" + app), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  delivery") && l.contains("50%")), text);

        // the schedule firing again that day, or a second run: nothing more is sent
        assertEquals("sent-before", http.json(http.post("/_local/digest", "application/json", "{}")).path("result").asText());
        JsonNode mail = http.awaitMail("jeff@example.com", "Qmark digest " + day);
        assertEquals(1, http.countMail("jeff@example.com", "Qmark digest"));
        Files.writeString(Path.of("target/digest.html"), mail.path("html").asText());

        // the figures behind it, for tools
        JsonNode stats = http.json(http.get("/stats?from=" + day + "&to=" + day + "&by=owner"));
        String delivery = stats.path("groups").toString();
        assertTrue(delivery.contains("\"group\":\"delivery\""), stats.toString());
        JsonNode dana = null;
        for (JsonNode g : stats.path("groups")) {
            if (g.path("group").asText().equals("delivery")) {
                dana = g.path("total");
            }
        }
        assertEquals(2, dana.path("asked").asInt(), stats.toString());
        assertEquals(1, dana.path("answered").asInt());
        assertEquals(1, dana.path("breaches").asInt());
        assertEquals(0.5, dana.path("breachRate").asDouble());

        // the town-hall report of the two weeks that ended yesterday: the customers' words side by side
        JsonNode townHall = http.json(http.post("/_local/town-hall", "application/json", "{}"));
        assertEquals("sent", townHall.path("result").asText(), townHall.toString());
        String said = townHall.path("text").asText();
        assertTrue(said.contains("Most satisfied\n  Q-" + refund + "  ★★★★★  Minsu: \"Please refund the double charge.\""), said);
        assertTrue(said.contains("Most unsatisfied\n  Q-" + unhappy + "  ★  Minsu: \"Nobody helped me at all.\"\n"
                + "    Answer (ops): I called Minsu and apologised."), said);
        assertTrue(said.contains("came in: 5 / 0"), said);
        assertTrue(said.contains("delivery: 2 (+2)"), said);
        assertEquals("sent-before", http.json(http.post("/_local/town-hall", "application/json", "{}")).path("result").asText());
        String page = http.get("/reports/town-hall?from=" + day + "&to=" + day).body();
        assertTrue(page.contains("Most unsatisfied") && page.contains("Nobody helped me at all."), page);
        Files.writeString(Path.of("target/town-hall.html"), page);

        // "? Q-…" in a reply to the digest asks the item's owner again, as the founder would
        reply(mail, "jeff@example.com", "? Q-" + app + " Please call them today.");
        // her "?" again, with Jeff's note on top, waited for by its words (counting "?" mails raced her
        // first "?", still on its way)
        JsonNode again = LocalHttp.await("Olivia asked again", () -> {
            for (JsonNode m : http.outbox()) {
                if (m.path("to").toString().contains("olivia@example.com") && m.path("subject").asText().startsWith("? Question")
                        && m.path("text").asText().contains("Jeff asks again")) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        });
        assertTrue(again.path("text").asText().contains("Jeff asks again: Please call them today."), again.toString());
        assertTrue(again.path("text").asText().contains("The app logs me out every day."));
    }
}
