package dev.qmark.core.config;

import dev.qmark.core.deadline.ReminderRule;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One routing rule: what feedback it takes, who owns it and how fast it must be answered.
 * Routes are tried in order; the first whose match accepts the feedback wins.
 *
 * @param calendar  the working-hours calendar its deadlines count in, or null (then the owner's)
 * @param reminders when to remind before the deadline, or null for the configuration's default
 * @param triage    who sees the feedback before the owner: {@link #FOUNDER_TRIAGE}, or null for nobody
 */
public record Route(String name, Match match, String owner, Duration answerWithin, String calendar,
                    List<ReminderRule> reminders, String triage, int line) {

    /** {@code triage: founder}: the founder is asked first and sends it on with "?" or "? @alias". */
    public static final String FOUNDER_TRIAGE = "founder";

    /** Whether the founder is asked first on this route. */
    public boolean founderTriage() {
        return FOUNDER_TRIAGE.equals(triage);
    }

    /**
     * What a route takes. Every condition that is set must hold; an empty match takes everything.
     *
     * @param keywords  any of these (case-insensitive) in the subject or the message
     * @param channels  one of these channels ({@code web}, {@code email}, ...)
     * @param minRating inclusive lower bound on the rating, null for none
     * @param maxRating inclusive upper bound on the rating, null for none (e.g. 2 for the unhappy)
     */
    public record Match(List<String> keywords, List<String> channels, Integer minRating, Integer maxRating) {

        public static final Match EVERYTHING = new Match(List.of(), List.of(), null, null);

        public Match {
            keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
            channels = channels.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        }

        public boolean takesEverything() {
            return keywords.isEmpty() && channels.isEmpty() && minRating == null && maxRating == null;
        }
    }
}
