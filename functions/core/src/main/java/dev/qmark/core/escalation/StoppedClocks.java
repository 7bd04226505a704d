package dev.qmark.core.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an answer does to an item's escalations: any answer from anyone asked stops every clock.
 * The escalation answered becomes ANSWERED, or ANSWERED_LATE past its deadline (even when it was
 * LATE already); every other one still running (OPEN) stops the same way, as answered by the same
 * answer; other LATE ones stay LATE (their lateness is history); the rest (handed on, orphaned,
 * answered) do not change. The repository writes these changes, each conditional on {@code before}.
 */
public final class StoppedClocks {

    /** One escalation's status change; {@code answering} for the one the answer replied to. */
    public record Stop(Escalation escalation, EscalationStatus before, EscalationStatus after, boolean answering) {
    }

    private StoppedClocks() {
    }

    /** Whether an answer to this escalation is recorded (it is OPEN or LATE); else it is not open any more. */
    public static boolean answerable(Escalation escalation) {
        return escalation.status() == EscalationStatus.OPEN || escalation.status() == EscalationStatus.LATE;
    }

    /**
     * The changes an answer to step {@code step} at {@code at} makes to an item's escalations, the answered one first; empty
     * when that escalation does not exist or is not {@link #answerable}.
     */
    public static Optional<List<Stop>> byAnswer(List<Escalation> escalations, int step, Instant at) {
        Escalation answered = escalations.stream().filter(e -> e.step() == step).findFirst().orElse(null);
        if (answered == null || !answerable(answered)) {
            return Optional.empty();
        }
        List<Stop> stops = new ArrayList<>();
        stops.add(new Stop(answered, answered.status(), stoppedAt(answered, at), true));
        for (Escalation other : escalations) {
            if (other.step() != step && answerable(other)) {
                EscalationStatus after = other.status() == EscalationStatus.LATE ? EscalationStatus.LATE : stoppedAt(other, at);
                stops.add(new Stop(other, other.status(), after, false));
            }
        }
        return Optional.of(stops);
    }

    /**
     * What an answer already recorded on step {@code step} has still to stop, when the attempt that
     * recorded it died before it stopped every clock (the answered escalation is written first): the
     * escalations still running that were asked before the answer, as {@link #byAnswer} would have
     * stopped them then. Empty when that escalation holds no answer, or its answer was sent back (the
     * item was answered then, so nothing was left out; clocks running now are the send-back's).
     */
    public static List<Stop> leftRunning(List<Escalation> escalations, int step) {
        Escalation answered = escalations.stream().filter(e -> e.step() == step).findFirst().orElse(null);
        if (answered == null || answered.status() == null || !answered.status().answered() || answered.answer() == null
                || answered.answeredAt() == null || answered.handedOn() != null) {
            return List.of();
        }
        List<Stop> stops = new ArrayList<>();
        for (Escalation other : escalations) {
            if (other.step() != step && answerable(other) && other.askedAt() != null
                    && !other.askedAt().isAfter(answered.answeredAt())) {
                EscalationStatus after = other.status() == EscalationStatus.LATE ? EscalationStatus.LATE
                        : stoppedAt(other, answered.answeredAt());
                // a late one stays late, and is stopped (taken off the sweeper's list) once: answeredBy says it was
                if (after != other.status() || other.answeredBy() == null) {
                    stops.add(new Stop(other, other.status(), after, false));
                }
            }
        }
        return stops;
    }

    /** Answered in time, or late: measured against this escalation's own deadline. */
    private static EscalationStatus stoppedAt(Escalation escalation, Instant at) {
        return at.isAfter(escalation.dueAt()) ? EscalationStatus.ANSWERED_LATE : EscalationStatus.ANSWERED;
    }
}
