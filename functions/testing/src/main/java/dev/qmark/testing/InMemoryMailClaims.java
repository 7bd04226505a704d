package dev.qmark.testing;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * {@link MailClaims} in memory, with the conditions of {@code DynamoMailClaims}: a claim succeeds
 * only when nobody sent the notice and no unexpired lease holds it (the lease has run out only
 * strictly before now, both to the millisecond as stored), a notice of an escalation only when
 * that escalation exists, and a mark only when the notice is still being sent. A failed condition
 * answers as the adapter does.
 */
public final class InMemoryMailClaims implements MailClaims {

    /** A notice's two attributes on the table: its state and, while sending, the lease's end. */
    private record State(boolean sent, Instant until) {
    }

    private final Map<Notice, State> states = new HashMap<>();
    private final Set<String> escalations = new HashSet<>();
    private final List<TimelineEvent> events = new ArrayList<>();
    private final BiPredicate<String, Integer> escalationExists;

    /** Claims on their own: an escalation exists when a test says so ({@link #escalationExists}). */
    public InMemoryMailClaims() {
        this.escalationExists = null;
    }

    /** Claims beside escalations kept elsewhere (the in-memory repository's), asked whether one exists. */
    public InMemoryMailClaims(BiPredicate<String, Integer> escalationExists) {
        this.escalationExists = escalationExists;
    }

    /** The escalation {@code feedbackId}-{@code step} exists, so its notices can be claimed. */
    public synchronized void escalationExists(String feedbackId, int step) {
        escalations.add(feedbackId + "#" + step);
    }

    private boolean exists(Notice.OfEscalation n) {
        return escalationExists != null ? escalationExists.test(n.feedbackId(), n.step())
                : escalations.contains(n.feedbackId() + "#" + n.step());
    }

    @Override
    public synchronized Claim claim(Notice notice, Instant now, Duration lease) {
        State state = states.get(notice);
        boolean itemExists = !(notice instanceof Notice.OfEscalation n) || exists(n);
        boolean free = state == null || (!state.sent() && state.until().isBefore(StoredInstants.stored(now)));
        if (itemExists && free) {
            states.put(notice, new State(false, StoredInstants.stored(now.plus(lease))));
            return Claim.CLAIMED;
        }
        // as the adapter reads it back: "sending" is busy, anything else (sent, or no item) is done
        return state != null && !state.sent() ? Claim.BUSY : Claim.ALREADY_SENT;
    }

    @Override
    public synchronized void markSent(Notice notice, Instant at, TimelineEvent event) {
        State state = states.get(notice);
        // the condition "#state = :sending": marked first by another attempt, nothing more happens
        if (state == null || state.sent()) {
            return;
        }
        states.put(notice, new State(true, null));
        boolean belongsToItem = !(notice instanceof Notice.ToFounder);
        if (event != null && belongsToItem) {
            events.add(event);
        }
    }

    /**
     * The notice is claimed until {@code until} by another change's write (on the table, the answer's
     * update of the escalation sets its notice "sending" with the lease).
     */
    synchronized void claimedBy(Notice notice, Instant until) {
        states.put(notice, new State(false, StoredInstants.stored(until)));
    }

    /**
     * The notice is sent, written by another change (on the table, {@code markRemindersSent} sets
     * the reminder's notice state on the escalation in the same update).
     */
    synchronized void sentBy(Notice notice) {
        states.put(notice, new State(true, null));
    }

    /** The timeline events the marks wrote, in order. */
    public synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }
}
