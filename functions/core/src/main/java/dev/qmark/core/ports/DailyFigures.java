package dev.qmark.core.ports;

import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures kept as items change: per founder's day, one small aggregate per group (owner,
 * route, topic, channel, and all) and the day's facts. Reading a period reads its days'
 * aggregates, never its items, so what a report costs does not grow with the items in it.
 */
public interface DailyFigures {

    /**
     * Counts the fact in its day's aggregates, once: false when a fact with its key was counted
     * before (a stream record seen twice), and nothing changed.
     */
    boolean count(Fact fact);

    /**
     * Counts a rating that replaces the one counted before from the same source (its item and
     * {@code step}: one letter's rating, which the customer may change for 14 days): the earlier one
     * leaves its day's aggregates and lists, this one counts on its own day. False, and nothing
     * changed, when this rating or a later one of the source was counted before (a repeated or
     * stale stream record): the latest rating is counted once, never the ones it replaced.
     */
    boolean countReplacing(Fact rating);

    /** Every group of {@code dimension} ({@code owner}, {@code route}, {@code topic}, {@code channel}, {@code all}) of each day from {@code from} to {@code to}, both included. */
    List<DayTally> tallies(LocalDate from, LocalDate to, String dimension);

    /** The day's facts of a kind, in the order they happened, at most {@code limit}. */
    List<Fact> facts(LocalDate day, Fact.Kind kind, int limit);

    /**
     * The day's ratings of one value (1 to 5), in the order they were given, at most {@code limit}:
     * the digest reads the 1s and 2s without reading every rating of a busy day.
     */
    List<Fact> ratings(LocalDate day, int rating, int limit);
}
