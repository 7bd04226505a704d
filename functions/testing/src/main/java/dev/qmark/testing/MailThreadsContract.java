package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.ports.MailThreads;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MailThreads} must do, against the in-memory one and DynamoDB alike. */
public abstract class MailThreadsContract {

    private static final Instant HOUR = Instant.parse("2026-03-02T10:00:00Z");

    protected abstract MailThreads threads();

    private static String sender() {
        return "loop-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aSentMailFindsItsItemWhateverTheCase() {
        MailThreads threads = threads();
        String messageId = "<" + UUID.randomUUID() + "@qmark.example>";
        threads.rememberMessage(messageId, "fb-1");
        assertEquals(Optional.of("fb-1"), threads.feedbackByMessageId(messageId.toUpperCase()));
        assertEquals(Optional.empty(), threads.feedbackByMessageId("<unknown@qmark.example>"));
    }

    @Test
    void aSenderGetsPerHourAcknowledgementsAndNoMore() {
        MailThreads threads = threads();
        String sender = sender();
        assertTrue(threads.takeAcknowledgement(sender, HOUR, 2));
        assertTrue(threads.takeAcknowledgement(sender.toUpperCase(), HOUR, 2));
        assertFalse(threads.takeAcknowledgement(sender, HOUR, 2));
    }

    @Test
    void eachHourCountsOnItsOwn() {
        MailThreads threads = threads();
        String sender = sender();
        assertTrue(threads.takeAcknowledgement(sender, HOUR, 1));
        assertFalse(threads.takeAcknowledgement(sender, HOUR, 1));
        assertTrue(threads.takeAcknowledgement(sender, HOUR.plusSeconds(3600), 1));
    }
}
