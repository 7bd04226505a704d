package dev.qmark.core.ports;

import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.StreamChange;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures kept as items change: per founder's day, one small tally per cell (a combination of
 * channel, route, owner and topics: {@link dev.qmark.core.figures.Cell}) and the day's listed facts.
 * Reading a period reads its days' cells, never its items, so what a report costs does not grow
 * with the items in it.
 */
public interface DailyFigures {

    /**
     * Counts the facts of one change (one stream record: an item routed is received and maybe rated),
     * together and once: false when they were counted before (the record seen twice), and no count
     * changed. The change is known by its first fact's key: facts come from transitions that happen
     * once (a route set, a question asked), so no other change makes that fact. Every fact is kept
     * for the lists ({@link #facts}) whose kind is {@link Fact.Kind#listed listed}, also on a repeat.
     */
    boolean count(List<Fact> facts);

    /**
     * Counts several changes' facts (a stream batch's, in order), each change once as {@link
     * #count(List)} does, but together where the store can: one write per cell for the lot, not per
     * change. Returns how many changes were new.
     */
    default int countAll(List<List<Fact>> changes) {
        int counted = 0;
        for (List<Fact> change : changes) {
            if (count(change)) {
                counted++;
            }
        }
        return counted;
    }

    /**
     * Counts a stream batch's changes from one shard, each record once however often the batch comes
     * (again whole, or again from a later record after a failure), without a marker per change: each
     * cell remembers the last sequence number it counted from each shard and adds only the records
     * after it ({@link dev.qmark.core.figures.CellInShard}), in one conditional write per cell. Listed
     * facts are kept, before their cell counts them (again, harmlessly, on a repeat). Returns how many
     * of the changes added to a cell now.
     *
     * @param shard the stream shard the records came through (Lambda names it in a tumbling window's event)
     */
    int countInShard(String shard, List<StreamChange> changes);

    /** Counts one fact once ({@link #count(List)}). */
    default boolean count(Fact fact) {
        return count(List.of(fact));
    }

    /**
     * Counts a rating that replaces the one counted before from the same source (its item and
     * {@code step}: one letter's rating, which the customer may change for 14 days): the earlier one
     * leaves its day's aggregates and lists, this one counts on its own day. False, and nothing
     * changed, when this rating or a later one of the source was counted before (a repeated or
     * stale stream record): the latest rating is counted once, never the ones it replaced.
     */
    boolean countReplacing(Fact rating);

    /**
     * Every cell of each day from {@code from} to {@code to}, both included: what the period's
     * figures of every dimension are made of. A reader that needs several dimensions of one period
     * (the digest: the day's routes and channels, 30 days of owners) reads its cells once.
     */
    List<Cell> cells(LocalDate from, LocalDate to);

    /**
     * Every group of {@code dimension} ({@code owner}, {@code route}, {@code topic}, {@code channel},
     * {@code all}) of each day from {@code from} to {@code to}, both included: one tally per day and
     * group, the sum of the day's cells that name the group.
     */
    default List<DayTally> tallies(LocalDate from, LocalDate to, String dimension) {
        return Cell.tallies(cells(from, to), dimension);
    }

    /** The day's facts of a listed kind, in the order they happened, at most {@code limit}; none of an unlisted kind. */
    List<Fact> facts(LocalDate day, Fact.Kind kind, int limit);

    /** {@link #facts(LocalDate, Fact.Kind, int)} of each day from {@code from} to {@code to}, both included, days in order. */
    default List<Fact> facts(LocalDate from, LocalDate to, Fact.Kind kind, int limitPerDay) {
        List<Fact> all = new java.util.ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            all.addAll(facts(day, kind, limitPerDay));
        }
        return all;
    }

    /**
     * The day's ratings of one value (1 to 5), in the order they were given, at most {@code limit}:
     * the digest reads the 1s and 2s without reading every rating of a busy day.
     */
    List<Fact> ratings(LocalDate day, int rating, int limit);
}
