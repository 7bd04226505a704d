package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.StuckFeedback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Feedback stored but never enqueued (or lost by a queue) is found in the table and enqueued again. */
class StuckFeedbackTest {

    @Test
    void receivedAndRoutedItemsOlderThanTheGraceAreEnqueuedAgain() {
        TestBed bed = TestBed.create();
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Feedback received = store(bed, now.minusSeconds(600));
        Feedback routed = store(bed, now.minusSeconds(900));
        bed.repository().recordRoute(routed.id(), new RouteDecision("r", "ops", Duration.ofHours(1), now, now),
                new TimelineEvent(now, "routed", "r"));
        Feedback fresh = store(bed, now.minusSeconds(10));

        int count = new StuckFeedback(bed.repository(), new SqsFeedbackQueue(new SqsJsonQueue(bed.sqs, bed.feedbackQueueUrl)),
                Clock.fixed(now, ZoneOffset.UTC)).redrive(Duration.ofMinutes(5));

        assertEquals(2, count);
        Set<String> bodies = bed.drain(bed.feedbackQueueUrl).stream().map(m -> m.body()).collect(Collectors.toSet());
        assertEquals(Set.of("{\"feedbackId\":\"" + received.id() + "\"}", "{\"feedbackId\":\"" + routed.id() + "\"}"), bodies);
        assertTrue(bodies.stream().noneMatch(b -> b.contains(fresh.id())));
    }

    private static Feedback store(TestBed bed, Instant at) {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("A", "a@example.org"), null, "m", null,
                at, FeedbackStatus.RECEIVED, null);
        bed.repository().storeNew(f, UUID.randomUUID().toString(), "fp", at.plusSeconds(60), new TimelineEvent(at, "received", "web"));
        return f;
    }
}
