package dev.qmark.aws.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.FeedbackIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample events that name a feedback item name the priming record, so priming and sam local invoke find it. */
class PrimingEventsTest {

    @Test
    void theEventsThatNameAnItemNameThePrimingRecord() {
        assertTrue(FeedbackIds.isWellFormed(FeedbackIds.PRIMING));
        for (String name : List.of("router-sqs-feedback.json", "escalator-sqs-escalation.json",
                "staff-api-get-feedback.json", "mail-intake-ses.json")) {
            String text = SampleEvents.json(name).toString();
            assertTrue(text.contains(FeedbackIds.PRIMING), name + " names the priming record");
            assertTrue(!text.contains("0123456789abcdef"), name + " names no item that does not exist");
        }
    }
}
