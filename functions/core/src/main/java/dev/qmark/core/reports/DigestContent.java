package dev.qmark.core.reports;

import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one digest says, read before it is written: the day it covers and, for that day, what came
 * in (by route and channel), the low ratings, breaches, answers and hand-ons; what is open now,
 * oldest first; per owner the last 7 and 30 days.
 *
 * @param more          per section, how many lines were left out (each section shows at most {@link #LINES})
 * @param notWrittenTo  of the day's answers read (the answers section's), the items answered
 *                      internally whose customer nothing was ever relayed to (no letter)
 */
public record DigestContent(LocalDate day, Tally all, Map<String, Tally> byRoute, Map<String, Tally> byChannel,
                            List<Fact> lowRatings, List<Fact> breaches, List<Fact> answers, List<Fact> handOns,
                            List<Open> open, Map<String, Tally> owners7, Map<String, Tally> owners30,
                            List<Fact> notWrittenTo, Map<String, Integer> more) {

    /** Lines per section at most: a digest is read on a phone, and its cost stays bounded. */
    public static final int LINES = 20;

    /** A question open now: whose, since when, how late (null when not yet due). */
    public record Open(String itemId, String title, String owner, Instant askedAt, Instant dueAt, boolean late) {
    }

    /** Nothing came in, nothing happened, nothing is open: the digest says so in one line. */
    public boolean quiet() {
        return all.received() == 0 && answers.isEmpty() && breaches.isEmpty() && handOns.isEmpty() && lowRatings.isEmpty()
                && open.isEmpty();
    }
}
