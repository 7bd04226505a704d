package dev.qmark.core.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When to remind an owner of an open item, as the configuration writes it: a share of the answer
 * time ({@code 50%}: when half of it has passed) or a lead before the deadline ({@code PT1H}).
 * Both are measured in the owner's working time, so a reminder never lands at night or on a
 * weekend when business hours are set.
 */
public sealed interface ReminderRule permits ReminderRule.ShareOfAnswerTime, ReminderRule.BeforeDeadline {

    /** Half-way, and one hour before the deadline. */
    List<ReminderRule> DEFAULTS = List.of(new ShareOfAnswerTime(50), new BeforeDeadline(Duration.ofHours(1)));

    /**
     * {@code 50%} or {@code PT1H} (any ISO-8601 duration).
     *
     * @throws IllegalArgumentException naming the text, for anything else, a share outside 1%-99%
     *                                  or a lead that is not longer than zero
     */
    static ReminderRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reminder must be a share of the answer time like 50%"
                    + " or a lead before the deadline like PT1H, not '" + text + "'");
        }
        String trimmed = text.trim();
        if (trimmed.endsWith("%")) {
            String number = trimmed.substring(0, trimmed.length() - 1).trim();
            if (!Pattern.matches("\\d{1,3}", number)) {
                throw new IllegalArgumentException("reminder '" + trimmed + "' is not a whole percentage like 50%");
            }
            int percent = Integer.parseInt(number);
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("reminder '" + trimmed
                        + "' must be between 1% and 99% of the answer time");
            }
            return new ShareOfAnswerTime(percent);
        }
        Duration lead;
        try {
            lead = Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reminder '" + trimmed + "' is neither a share of the answer time"
                    + " like 50% nor an ISO-8601 duration like PT1H");
        }
        if (lead.isNegative() || lead.isZero()) {
            throw new IllegalArgumentException("reminder '" + trimmed + "' must be a lead longer than zero");
        }
        return new BeforeDeadline(lead);
    }

    /** Each text parsed; the first bad one is named in the error. */
    static List<ReminderRule> parseAll(List<String> texts) {
        return texts.stream().map(ReminderRule::parse).toList();
    }

    /**
     * When this rule reminds about an item asked at {@code askedAt} and due at {@code dueAt}. The
     * moment may fall at or before {@code askedAt} (a lead longer than the answer time);
     * {@link ReminderPlan} drops those.
     */
    Instant at(Instant askedAt, Instant dueAt, DeadlineCalendar calendar);

    /** When {@code percent} of the working time between asking and the deadline has passed. */
    record ShareOfAnswerTime(int percent) implements ReminderRule {

        public ShareOfAnswerTime {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("a reminder share must be between 1% and 99%, not " + percent + "%");
            }
        }

        public double fraction() {
            return percent / 100.0;
        }

        @Override
        public Instant at(Instant askedAt, Instant dueAt, DeadlineCalendar calendar) {
            Duration answerTime = calendar.workingTimeBetween(askedAt, dueAt);
            if (!answerTime.isPositive()) {
                return askedAt;
            }
            Duration share = answerTime.multipliedBy(percent).dividedBy(100);
            // The share may run out exactly at a closing time (Friday 18:00); the reminder then goes
            // out when work resumes, since the owner has gone home at that moment.
            return calendar.nextWorkingMoment(calendar.plusWorkingTime(askedAt, share));
        }

        @Override
        public String toString() {
            return percent + "%";
        }
    }

    /** {@code lead} of working time before the deadline, e.g. one working hour before it. */
    record BeforeDeadline(Duration lead) implements ReminderRule {

        public BeforeDeadline {
            Objects.requireNonNull(lead, "lead");
            if (lead.isNegative() || lead.isZero()) {
                throw new IllegalArgumentException("a reminder lead must be longer than zero, not " + lead);
            }
        }

        @Override
        public Instant at(Instant askedAt, Instant dueAt, DeadlineCalendar calendar) {
            // Always a working moment: counting back lands on the start of a stretch, not the evening before.
            return calendar.minusWorkingTime(dueAt, lead);
        }

        @Override
        public String toString() {
            return lead.toString();
        }
    }
}
