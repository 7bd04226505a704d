package dev.qmark.core.escalation;

import java.time.Instant;

/**
 * Where an escalation stands with the sweeper: when it looks at it next, and what went wrong the
 * last times it tried. Failures count consecutive failed checks; a check that completes resets
 * them. After {@code sweeper.stuckAfterFailures} the escalation is set aside as stuck: off the
 * sweeper's list, listed by {@code GET /escalations?status=stuck} for a person to look at.
 *
 * @param nextCheckAt when the sweeper looks at it next (null when it is not on the sweeper's list)
 * @param failures    failed checks in a row
 * @param problem     what the last failure said, null when there was none
 * @param failedAt    when the last check failed
 * @param stuckAt     when it was set aside, null while the sweeper still tries
 */
public record SweepState(Instant nextCheckAt, int failures, String problem, Instant failedAt, Instant stuckAt) {

    public static final SweepState NONE = new SweepState(null, 0, null, null, null);

    public boolean stuck() {
        return stuckAt != null;
    }
}
