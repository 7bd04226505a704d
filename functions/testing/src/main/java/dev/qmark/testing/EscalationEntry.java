package dev.qmark.testing;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.SweepState;
import java.time.Instant;
import java.util.List;

/**
 * One escalation as the in-memory table keeps it: the model's fields plus what only the table
 * has (the claim's lease, the mails an answer and a hand-on came in, the sweeper's partition).
 * Mutable, and only ever touched under {@link InMemoryEscalations}'s lock.
 */
final class EscalationEntry {

    final String feedbackId;
    final int step;
    final String owner;
    final String ownerEmail;
    final Instant dueAt;
    EscalationStatus status;
    Instant askedAt;
    Instant answeredAt;
    String answer;
    String answeredBy;
    List<Instant> reminderTimes = List.of();
    int remindersSent;
    Instant breachedAt;
    HandOn handedOn;
    Instant claimUntil;
    String answerMailId;
    String handOnMailId;
    String shard;
    // the sweeper's state on the item: when it looks next, and the failed checks in a row
    Instant nextCheckAt;
    int failures;
    String problem;
    Instant failedAt;
    Instant stuckAt;

    EscalationEntry(Escalation asking) {
        feedbackId = asking.feedbackId();
        step = asking.step();
        owner = asking.owner();
        ownerEmail = asking.ownerEmail();
        dueAt = StoredInstants.stored(asking.dueAt());
        status = asking.status();
    }

    Escalation view() {
        return new Escalation(feedbackId, step, owner, ownerEmail, status, askedAt, dueAt, answeredAt, answer, answeredBy,
                reminderTimes, remindersSent, breachedAt, handedOn,
                new SweepState(nextCheckAt, failures, problem, failedAt, stuckAt));
    }

    String id() {
        return feedbackId + "-" + step;
    }

    /** A check that completed: the failures in a row start again from none. */
    void checked() {
        failures = 0;
        problem = null;
        failedAt = null;
    }
}
