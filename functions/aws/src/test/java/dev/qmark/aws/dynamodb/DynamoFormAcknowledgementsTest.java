package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FormAcknowledgements.Limits;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The form's acknowledgement transaction on DynamoDB Local: all or nothing, and the address's
 * counter is the one mail acknowledgements take, so a customer who writes by mail and by form
 * gets a few acknowledgements an hour in all.
 */
class DynamoFormAcknowledgementsTest {

    private static final TestBed BED = TestBed.create();
    private static final Instant HOUR = Instant.parse("2026-03-02T10:00:00Z");
    private static final Limits LIMITS = new Limits(3, 2);

    private final DynamoFormAcknowledgements acknowledgements = new DynamoFormAcknowledgements(BED.dynamo, BED.table);
    private final String address = "minsu-" + UUID.randomUUID() + "@example.org";
    private final String client = "ip#" + UUID.randomUUID();

    private static String stored() {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.org"), "s", "m",
                null, HOUR, FeedbackStatus.RECEIVED, null);
        BED.repository().storeNew(f, UUID.randomUUID().toString(), "fp", HOUR.plusSeconds(600),
                new TimelineEvent(HOUR, "received", "web"));
        return f.id();
    }

    @Test
    void theAddressCounterIsSharedWithMailAcknowledgements() {
        DynamoMailThreads threads = new DynamoMailThreads(BED.dynamo, BED.table);
        assertTrue(threads.takeAcknowledgement(address, HOUR, 3));
        assertTrue(threads.takeAcknowledgement(address, HOUR, 3));
        String id = stored();
        assertTrue(acknowledgements.allow(id, address, client, HOUR, LIMITS, "ko"));
        assertEquals(Optional.of("ko"), acknowledgements.allowed(id));
        assertFalse(threads.takeAcknowledgement(address, HOUR, 3), "the form's took the third");
    }

    @Test
    void aRefusalTakesNothing() {
        assertTrue(acknowledgements.allow(stored(), "a-" + address, client, HOUR, LIMITS, "en"));
        assertTrue(acknowledgements.allow(stored(), "b-" + address, client, HOUR, LIMITS, "en"));
        String over = stored();
        assertFalse(acknowledgements.allow(over, address, client, HOUR, LIMITS, "en"), "the client had its two");
        assertEquals(Optional.empty(), acknowledgements.allowed(over));
        // the address's counter was not taken by the refused transaction: it still has all three
        for (int i = 0; i < 3; i++) {
            assertTrue(acknowledgements.allow(stored(), address, "ip#other-" + i, HOUR, LIMITS, "en"));
        }
        assertFalse(acknowledgements.allow(stored(), address, "ip#other-x", HOUR, LIMITS, "en"));
        assertTrue(acknowledgements.allow(stored(), address, client, HOUR.plusSeconds(3600), LIMITS, "en"),
                "a new hour, new counters");
    }

    @Test
    void anItemThatIsNotStoredIsNotMarked() {
        assertFalse(acknowledgements.allow(FeedbackIds.newId(), address, client, HOUR, LIMITS, "en"));
    }
}
