package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.SweepList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweeper's list through a whole repository, in memory and on DynamoDB alike: what is due, and
 * a failed check postponed once however many sweeps fail on it at the same time. Each case takes
 * a fresh repository, as the list is one partition.
 */
public abstract class SweepListContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofHours(4));

    /** The three ports the sweeper's list spans, over one store. */
    public record Table(FeedbackRepository feedbackItems, Escalations escalations, SweepList sweepList) {
    }

    /** A fresh store. */
    protected abstract Table table();

    /** A question asked at T0, due at DUE, its first check at {@code firstCheck} (null: the deadline). */
    private static String asked(Table table, Instant firstCheck) {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, T0, FeedbackStatus.RECEIVED, null);
        table.feedbackItems().storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), new TimelineEvent(T0, "received", "web"));
        table.escalations().claimEscalation(new Escalation(f.id(), 1, "delivery", "dana@example.com", EscalationStatus.ASKING, null,
                DUE, null, null, null), T0, Duration.ofSeconds(30));
        table.escalations().markAsked(f.id(), 1, "ses-1", T0, firstCheck == null ? List.of() : List.of(firstCheck),
                new TimelineEvent(T0, "asked", "dana"));
        return f.id();
    }

    private static List<String> ids(List<Escalation> escalations) {
        return escalations.stream().map(Escalation::feedbackId).toList();
    }

    @Test
    void dueFromItsNextCheckSoonestFirst() {
        Table table = table();
        String later = asked(table, null);
        String sooner = asked(table, T0.plus(Duration.ofHours(2)));
        assertEquals(List.of(), table.sweepList().dueEscalations(T0.plus(Duration.ofHours(1)), 10));
        assertEquals(List.of(sooner), ids(table.sweepList().dueEscalations(T0.plus(Duration.ofHours(2)), 10)));
        assertEquals(List.of(sooner, later), ids(table.sweepList().dueEscalations(DUE, 10)));
    }

    @Test
    void aFailedCheckIsPostponedOnceForAllTheSweepsThatSawIt() {
        Table table = table();
        String id = asked(table, null);
        Escalation seen = table.sweepList().dueEscalations(DUE, 10).get(0);
        Instant later = DUE.plus(Duration.ofMinutes(5));
        assertTrue(table.sweepList().postponeCheck(seen, later, "SES is down", DUE, false, null));
        // a second sweep that read the same state before the first wrote: its write is refused
        assertFalse(table.sweepList().postponeCheck(seen, later, "SES is down", DUE, false, null));
        assertEquals(List.of(), table.sweepList().dueEscalations(DUE, 10));
        Escalation again = table.sweepList().dueEscalations(later, 10).get(0);
        assertEquals(1, again.sweep().failures());
        assertEquals(id, again.feedbackId());
    }

    @Test
    void aStuckCheckLeavesTheListForTheStuckListing() {
        Table table = table();
        String id = asked(table, null);
        Escalation seen = table.sweepList().dueEscalations(DUE, 10).get(0);
        assertTrue(table.sweepList().postponeCheck(seen, DUE.plusSeconds(60), "broken", DUE, true,
                new TimelineEvent(DUE, "stuck", "set aside")));
        assertEquals(List.of(), table.sweepList().dueEscalations(DUE.plus(Duration.ofDays(1)), 10));
        assertEquals(List.of(id), ids(table.sweepList().stuckEscalations(null, 10)));
    }

    @Test
    void anEscalationOnTheListComesWithItsWholeStateHandOnIncluded() {
        Table table = table();
        String open = asked(table, T0.plus(Duration.ofHours(2)));
        String orphaned = asked(table, null);
        HandOn handOn = new HandOn("lee", 2, DUE.plus(Duration.ofHours(4)), T0.plusSeconds(60), "qmark", "dana left",
                "orphaned");
        assertTrue(table.escalations().recordOrphaned(orphaned, 1, "delivery", handOn, new TimelineEvent(T0, "orphaned", "x")));
        List<Escalation> due = table.sweepList().dueEscalations(DUE, 10);
        assertEquals(List.of(orphaned, open), ids(due));  // an orphan is due at once (its hand-on's time)
        // what the sweeper acts on: the keys' id and step, the clock, and an orphan's hand-on (to finish asking)
        assertEquals(1, due.get(1).step());
        assertEquals(List.of(T0.plus(Duration.ofHours(2))), due.get(1).reminderTimes());
        assertEquals("dana@example.com", due.get(1).ownerEmail());
        assertEquals(DUE, due.get(1).dueAt());
        assertEquals(EscalationStatus.ORPHANED, due.get(0).status());
        assertEquals(handOn, due.get(0).handedOn());
    }

    @Test
    void anAnsweredQuestionLeavesTheList() {
        Table table = table();
        String id = asked(table, null);
        table.escalations().recordAnswer(id, 1, "Done", "dana@example.com", "mail-1", T0.plusSeconds(60),
                new TimelineEvent(T0, "answered", "dana"));
        assertEquals(List.of(), table.sweepList().dueEscalations(DUE.plus(Duration.ofDays(1)), 10));
        assertEquals(List.of(), table.sweepList().escalations(null, null, null, 10));
    }
}
