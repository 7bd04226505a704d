package dev.qmark.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One "?" to one person about one feedback item. {@code step} counts the people asked about
 * the item, from 1; the pair (feedbackId, step) names the escalation everywhere, reply tokens too.
 *
 * @param askedAt       when the "?" mail went out, null while ASKING
 * @param answeredAt    when the item was answered (by this person or another asked), null until then
 * @param answer        the new text of the reply, on the escalation that was answered
 * @param answeredBy    the address the answer came from
 * @param reminderTimes when reminders are due, planned in working time when the "?" went out
 * @param remindersSent how many of them are behind us (sent, or skipped as overtaken)
 * @param breachedAt    when the deadline passed unanswered, null if it has not
 * @param handedOn      to whom and how it was handed on (status HANDED_ON), or to whom it went when its owner
 *                      left the configuration (status ORPHANED), or to whom the founder sent its answer back
 *                      (status ANSWERED or ANSWERED_LATE: the same owner, asked again); null otherwise
 * @param sweep         the sweeper's next check and the failures it met, {@link SweepState#NONE} when none
 */
public record Escalation(String feedbackId, int step, String owner, String ownerEmail, EscalationStatus status,
                         Instant askedAt, Instant dueAt, Instant answeredAt, String answer, String answeredBy,
                         List<Instant> reminderTimes, int remindersSent, Instant breachedAt, HandOn handedOn,
                         SweepState sweep) {

    public Escalation {
        reminderTimes = reminderTimes == null ? List.of() : List.copyOf(reminderTimes);
        sweep = sweep == null ? SweepState.NONE : sweep;
    }

    /** An escalation as the clocks left it, before the sweeper had anything to say about it. */
    public Escalation(String feedbackId, int step, String owner, String ownerEmail, EscalationStatus status,
                      Instant askedAt, Instant dueAt, Instant answeredAt, String answer, String answeredBy,
                      List<Instant> reminderTimes, int remindersSent, Instant breachedAt, HandOn handedOn) {
        this(feedbackId, step, owner, ownerEmail, status, askedAt, dueAt, answeredAt, answer, answeredBy, reminderTimes,
                remindersSent, breachedAt, handedOn, SweepState.NONE);
    }

    /** An escalation before any reminder or breach. */
    public Escalation(String feedbackId, int step, String owner, String ownerEmail, EscalationStatus status,
                      Instant askedAt, Instant dueAt, Instant answeredAt, String answer, String answeredBy) {
        this(feedbackId, step, owner, ownerEmail, status, askedAt, dueAt, answeredAt, answer, answeredBy, List.of(), 0, null,
                null);
    }

    public String id() {
        return feedbackId + "-" + step;
    }

    /**
     * Whether its deadline has passed unanswered at {@code now}: an OPEN escalation is late from
     * the instant it is due (inclusive). The adapters only write this decision ({@code Escalations.markLate}).
     */
    public boolean isLateAt(Instant now) {
        return status == EscalationStatus.OPEN && dueAt != null && !now.isBefore(dueAt);
    }

    /** How late the answer came, or null when it was on time or has not come. */
    public Duration lateBy() {
        return answeredAt != null && answeredAt.isAfter(dueAt) ? Duration.between(dueAt, answeredAt) : null;
    }
}
