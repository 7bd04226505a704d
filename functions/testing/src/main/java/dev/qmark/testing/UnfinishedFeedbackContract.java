package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.UnfinishedFeedback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recovery's list of feedback not asked yet, in memory and on DynamoDB alike: an item is on it
 * from storing (its first check {@link StuckFeedback#FIRST_CHECK} later), stays while routed, and
 * leaves once asked; postponing needs it still there. Each case reads a fresh store.
 */
public abstract class UnfinishedFeedbackContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant FIRST = T0.plus(StuckFeedback.FIRST_CHECK);

    /** The three ports the list spans, over one store. */
    public record Table(FeedbackRepository feedbackItems, Escalations escalations, UnfinishedFeedback unfinished) {
    }

    /** A fresh, empty store. */
    protected abstract Table table();

    private static String stored(Table table, Instant at) {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, at, FeedbackStatus.RECEIVED, null);
        table.feedbackItems().storeNew(f, UUID.randomUUID().toString(), "fp", at.plusSeconds(600),
                new TimelineEvent(at, "received", "web"));
        return f.id();
    }

    @Test
    void onTheListFromStoringOldestCheckFirst() {
        Table table = table();
        String first = stored(table, T0);
        String second = stored(table, T0.plusSeconds(60));
        assertEquals(List.of(), table.unfinished().due(FIRST.minusSeconds(1), 10));
        assertEquals(List.of(first), table.unfinished().due(FIRST, 10));
        assertEquals(List.of(first, second), table.unfinished().due(FIRST.plusSeconds(60), 10));
        assertEquals(List.of(first), table.unfinished().due(FIRST.plusSeconds(60), 1));
    }

    @Test
    void aPostponedItemIsDueAtItsNextCheck() {
        Table table = table();
        String id = stored(table, T0);
        assertTrue(table.unfinished().postpone(id, FIRST.plus(Duration.ofMinutes(10))));
        assertEquals(List.of(), table.unfinished().due(FIRST, 10));
        assertEquals(List.of(id), table.unfinished().due(FIRST.plus(Duration.ofMinutes(10)), 10));
    }

    @Test
    void aRoutedItemStaysAnAskedOneLeaves() {
        Table table = table();
        String id = stored(table, T0);
        table.feedbackItems().recordRoute(id, new RouteDecision("r", "delivery", Duration.ofHours(4), T0, T0),
                new TimelineEvent(T0, "routed", "r"));
        assertEquals(List.of(id), table.unfinished().due(FIRST, 10));
        table.escalations().claimEscalation(new Escalation(id, 1, "delivery", "dana@example.com", EscalationStatus.ASKING,
                null, T0.plus(Duration.ofHours(4)), null, null, null), T0, Duration.ofSeconds(30));
        table.escalations().markAsked(id, 1, "ses-1", T0.plusSeconds(1), List.of(), new TimelineEvent(T0, "asked", "dana"));
        assertEquals(List.of(), table.unfinished().due(FIRST.plus(Duration.ofDays(1)), 10));
        assertFalse(table.unfinished().postpone(id, FIRST.plus(Duration.ofDays(1))));
    }
}
