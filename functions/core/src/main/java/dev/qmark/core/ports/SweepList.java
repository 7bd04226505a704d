package dev.qmark.core.ports;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.TimelineEvent;
import java.time.Instant;
import java.util.List;

/**
 * The sweeper's list: escalations whose clock runs, read by when they are next due, so that a
 * sweep's cost grows with what is due, never with the table; the failed checks it postpones, the
 * ones it sets aside as stuck, and the open and late listings staff read.
 */
public interface SweepList {

    /** One page of due escalations; {@code cursor} (opaque) reads on after its last item, null on the last page. */
    record DuePage(List<Escalation> items, String cursor) {
    }

    /**
     * Escalations whose next check (a reminder, the deadline, a follow-up, a postponed retry) is due
     * at {@code now}, soonest first, one page; {@code cursor} from the previous page, or null.
     */
    DuePage dueEscalations(Instant now, int limit, String cursor);

    /** The first page of {@link #dueEscalations(Instant, int, String)}. */
    default List<Escalation> dueEscalations(Instant now, int limit) {
        return dueEscalations(now, limit, null).items();
    }

    /**
     * A sweep failed to check {@code seen}: its next check moves to {@code nextCheckAt} (so the
     * next sweep reads past it) and the failure is counted with {@code problem}; with {@code stuck}
     * it also leaves the sweeper's list for the stuck list, and {@code event} (may be null) goes on
     * the timeline. Only if the escalation is as the sweep read it (next check, failures):
     * two sweeps failing at once count one failure, and progress made meanwhile stands. False when
     * it had changed.
     */
    boolean postponeCheck(Escalation seen, Instant nextCheckAt, String problem, Instant at, boolean stuck,
                          TimelineEvent event);

    /** Escalations set aside as stuck (see {@link #postponeCheck}), soonest deadline first; owner optional. */
    List<Escalation> stuckEscalations(String owner, int limit);

    /** Open (status OPEN) or late (LATE) escalations, soonest deadline first; owner and dueBefore optional. */
    List<Escalation> escalations(EscalationStatus status, String owner, Instant dueBefore, int limit);
}
