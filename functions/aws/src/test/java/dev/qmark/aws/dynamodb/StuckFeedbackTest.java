package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Feedback stored but never enqueued (or lost by a queue) is found through the sparse list of
 * unfinished items and enqueued again; asked items have left the list, fresh ones are not due yet,
 * and one enqueued again is not enqueued again by the very next run.
 */
class StuckFeedbackTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void receivedAndRoutedItemsPastTheirFirstCheckAreEnqueuedAgainOnce() {
        TestBed bed = TestBed.create();
        Feedback received = store(bed, NOW.minusSeconds(600));
        Feedback routed = store(bed, NOW.minusSeconds(900));
        route(bed, routed);
        Feedback asked = store(bed, NOW.minusSeconds(1200));
        route(bed, asked);
        bed.ports().escalations().claimEscalation(new Escalation(asked.id(), 1, "ops", "olivia@example.com", EscalationStatus.ASKING,
                null, NOW.plusSeconds(3600), null, null, null, List.of(), 0, null, null), NOW, Duration.ofSeconds(30));
        bed.ports().escalations().markAsked(asked.id(), 1, "ses-1", NOW, List.of(), new TimelineEvent(NOW, "asked", "ops"));
        Feedback fresh = store(bed, NOW.minusSeconds(10));
        DynamoUnfinishedFeedback unfinished = new DynamoUnfinishedFeedback(bed.dynamo, bed.table);
        StuckFeedback stuck = new StuckFeedback(unfinished,
                new SqsFeedbackQueue(new SqsJsonQueue(bed.sqs, bed.feedbackQueueUrl)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(2, stuck.redrive());
        assertEquals(Set.of(body(received), body(routed)), bodies(bed));

        assertEquals(0, stuck.redrive(), "enqueued again a moment ago: not due before " + StuckFeedback.CHECK_AGAIN);
        assertEquals(Set.of(received.id(), routed.id(), fresh.id()),
                Set.copyOf(unfinished.due(NOW.plus(StuckFeedback.CHECK_AGAIN), 100)), "the asked one has left the list");
    }

    private static Feedback store(TestBed bed, Instant at) {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("A", "a@example.org"), null, "m", null,
                at, FeedbackStatus.RECEIVED, null);
        bed.repository().storeNew(f, UUID.randomUUID().toString(), "fp", at.plusSeconds(60), new TimelineEvent(at, "received", "web"));
        return f;
    }

    private static void route(TestBed bed, Feedback f) {
        bed.repository().recordRoute(f.id(), new RouteDecision("r", "ops", Duration.ofHours(1), NOW, NOW),
                new TimelineEvent(NOW, "routed", "r"));
    }

    private static String body(Feedback f) {
        return "{\"feedbackId\":\"" + f.id() + "\"}";
    }

    private static Set<String> bodies(TestBed bed) {
        return bed.drain(bed.feedbackQueueUrl).stream().map(m -> m.body()).collect(Collectors.toSet());
    }
}
