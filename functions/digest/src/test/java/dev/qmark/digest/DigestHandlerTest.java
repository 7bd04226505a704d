package dev.qmark.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The quarter-hourly schedule through the handler, on the embedded AWS with the example
 * configuration (founder in Seoul, digest at 08:30, town hall every other Friday at 16:00).
 */
class DigestHandlerTest {

    private final TestBed bed = TestBed.create();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T23:15:00Z")); // Tue 08:15 in Seoul
    private final DigestHandler handler = new DigestHandler(bed.env(clock));

    @Test
    void theDigestGoesOnceADayFromItsTimeAndAQuietDaySaysSo() {
        String event = SampleEvents.text("digest-schedule.json");
        assertEquals("not-yet", Invoke.handler(handler, event).path("digest").path("result").asText());
        assertTrue(bed.outbox().isEmpty());

        clock.set(Instant.parse("2026-11-23T23:30:00Z"));                                       // 08:30
        JsonNode run = Invoke.handler(handler, event);
        assertEquals("sent", run.path("digest").path("result").asText(), run.toString());
        assertEquals("2026-11-23", run.path("digest").path("day").asText());
        assertTrue(run.path("digest").path("text").asText().startsWith("A quiet day"), run.toString());
        assertEquals("not-yet", run.path("townHall").path("result").asText());                  // a Tuesday

        clock.set(Instant.parse("2026-11-23T23:45:00Z"));
        assertEquals("sent-before", Invoke.handler(handler, event).path("digest").path("result").asText());
        assertEquals(1, bed.mailTo("jeff@example.com").size());
        assertEquals("digest@feedback.example.com", bed.mailTo("jeff@example.com").get(0).replyTo().get(0));
    }
}
