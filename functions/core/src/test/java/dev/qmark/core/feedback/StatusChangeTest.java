package dev.qmark.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which status moves there are: core's rule, which the adapters write conditionally. */
class StatusChangeTest {

    @Test
    void onlyAReceivedItemIsRouted() {
        assertTrue(StatusChange.ROUTE.appliesTo(FeedbackStatus.RECEIVED));
        for (FeedbackStatus status : new FeedbackStatus[] {FeedbackStatus.ROUTED, FeedbackStatus.ASKED, FeedbackStatus.ANSWERED}) {
            assertFalse(StatusChange.ROUTE.appliesTo(status), status.name());
        }
        assertEquals(FeedbackStatus.ROUTED, StatusChange.ROUTE.to());
    }
}
