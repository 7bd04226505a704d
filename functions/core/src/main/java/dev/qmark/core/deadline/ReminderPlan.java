package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The moments to remind an owner of one open item, before its deadline.
 *
 * <p>The plan is a pure function of its inputs, not of when it is asked for: a scheduler can
 * recompute it whenever it wakes and get the same instants, so it needs to remember only which
 * of them it has sent to send each exactly once. Every instant is distinct, strictly after the
 * item was asked and strictly before it is due, and (because rules count working time) a working
 * moment of the calendar: no reminder at midnight or on a weekend when business hours are set.
 */
public final class ReminderPlan {

    /** Reminders closer than this are one reminder: two mails a few seconds apart help nobody. */
    public static final Duration MERGE_WITHIN = Duration.ofMinutes(1);

    private ReminderPlan() {
    }

    /** The reminders of {@link ReminderRule#DEFAULTS}. */
    public static List<Instant> times(Instant askedAt, Instant dueAt, DeadlineCalendar calendar) {
        return times(askedAt, dueAt, ReminderRule.DEFAULTS, calendar);
    }

    /**
     * The reminder moments, earliest first.
     * <ul>
     *   <li>A reminder with no working time between the asking and it is dropped: it would come at
     *       or before the item arrived (a lead as long as the whole answer time, or longer) and
     *       tell the owner nothing the arrival did not.</li>
     *   <li>Reminders less than {@link #MERGE_WITHIN} apart are merged into the earliest of them
     *       (50% and PT1H of a PT2H answer time are the same moment).</li>
     * </ul>
     */
    public static List<Instant> times(Instant askedAt, Instant dueAt, List<ReminderRule> rules,
                                      DeadlineCalendar calendar) {
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(calendar, "calendar");
        if (!dueAt.isAfter(askedAt)) {
            return List.of();
        }
        List<Instant> candidates = new ArrayList<>();
        for (ReminderRule rule : rules) {
            Instant at = rule.at(askedAt, dueAt, calendar);
            if (at.isBefore(dueAt) && calendar.workingTimeBetween(askedAt, at).isPositive()) {
                candidates.add(at);
            }
        }
        candidates.sort(null);
        List<Instant> merged = new ArrayList<>();
        for (Instant at : candidates) {
            if (merged.isEmpty() || !at.isBefore(merged.get(merged.size() - 1).plus(MERGE_WITHIN))) {
                merged.add(at);
            }
        }
        return List.copyOf(merged);
    }
}
