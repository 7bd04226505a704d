package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.ports.FormAcknowledgements.Limits;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The form's acknowledgement counters on DynamoDB Local: plain conditional updates that take for
 * an item once (a retry or a racing twin takes nothing more), all or nothing (an address's refusal
 * gives the client's back), and the address's counter is the one mail acknowledgements take, so a
 * customer who writes by mail and by form gets a few acknowledgements an hour in all.
 */
class DynamoFormAcknowledgementsTest {

    private static final TestBed BED = TestBed.create();
    private static final Instant HOUR = Instant.parse("2026-03-02T10:00:00Z");
    private static final Limits LIMITS = new Limits(3, 2);

    private final DynamoFormAcknowledgements acknowledgements = new DynamoFormAcknowledgements(BED.dynamo, BED.table);
    private final String address = "minsu-" + UUID.randomUUID() + "@example.org";
    private final String client = "ip#" + UUID.randomUUID();

    @Test
    void theAddressCounterIsSharedWithMailAcknowledgements() {
        DynamoMailThreads threads = new DynamoMailThreads(BED.dynamo, BED.table);
        assertTrue(threads.takeAcknowledgement(address, HOUR, 3));
        assertTrue(threads.takeAcknowledgement(address, HOUR, 3));
        assertTrue(acknowledgements.take(FeedbackIds.newId(), address, client, HOUR, LIMITS));
        assertFalse(threads.takeAcknowledgement(address, HOUR, 3), "the form's took the third");
    }

    @Test
    void aRefusalKeepsNothingTaken() {
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "a-" + address, client, HOUR, LIMITS));
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "b-" + address, client, HOUR, LIMITS));
        assertFalse(acknowledgements.take(FeedbackIds.newId(), address, client, HOUR, LIMITS), "the client had its two");
        // the address's counter was not taken by the refused post: it still has all three
        for (int i = 0; i < 3; i++) {
            assertTrue(acknowledgements.take(FeedbackIds.newId(), address, "ip#other-" + i, HOUR, LIMITS));
        }
        String otherClient = "ip#" + UUID.randomUUID();
        assertFalse(acknowledgements.take(FeedbackIds.newId(), address, otherClient, HOUR, LIMITS), "the address had its three");
        // the address's refusal gave the client's one back: it has both of its two still
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "c-" + address, otherClient, HOUR, LIMITS));
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "d-" + address, otherClient, HOUR, LIMITS));
        assertTrue(acknowledgements.take(FeedbackIds.newId(), address, client, HOUR.plusSeconds(3600), LIMITS),
                "a new hour, new counters");
    }

    @Test
    void takingAgainForTheSameItemTakesNothingMoreAndAnswersAsBefore() {
        String id = FeedbackIds.newId();
        assertTrue(acknowledgements.take(id, address, client, HOUR, LIMITS));
        assertTrue(acknowledgements.take(id, address, client, HOUR, LIMITS), "a retried post");
        assertTrue(acknowledgements.take(FeedbackIds.newId(), address, client, HOUR, LIMITS), "the client's second");
        assertFalse(acknowledgements.take(FeedbackIds.newId(), "e-" + address, client, HOUR, LIMITS), "two taken, not three");
        assertTrue(acknowledgements.take(id, address, client, HOUR, LIMITS), "the first item's is its own even at the limit");
        assertEquals(2, counter("ACK#" + address), "the address counted two items");
    }

    private static int counter(String pk) {
        return Integer.parseInt(new TableWrites(BED.dynamo, BED.table).get(pk, StoredTime.format(HOUR)).get("acknowledged").n());
    }

    @Test
    void givingAnItemsOnesBackFreesBothCountersAndTwiceGivesNothingMore() {
        String duplicate = FeedbackIds.newId();
        assertTrue(acknowledgements.take(duplicate, address, client, HOUR, LIMITS));
        acknowledgements.giveBack(duplicate, address, client, HOUR);
        acknowledgements.giveBack(duplicate, address, client, HOUR);
        // the client's two are free again, and no more than two
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "a-" + address, client, HOUR, LIMITS));
        assertTrue(acknowledgements.take(FeedbackIds.newId(), "b-" + address, client, HOUR, LIMITS));
        assertFalse(acknowledgements.take(FeedbackIds.newId(), "c-" + address, client, HOUR, LIMITS));
        // the address's three too
        for (int i = 0; i < 3; i++) {
            assertTrue(acknowledgements.take(FeedbackIds.newId(), address, "ip#another-" + i + "-" + client, HOUR, LIMITS));
        }
        assertFalse(acknowledgements.take(FeedbackIds.newId(), address, "ip#yet-another-" + client, HOUR, LIMITS));
    }
}
