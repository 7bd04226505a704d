package dev.qmark.testing;

import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.CellInShard;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.DailyFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link DailyFigures} in memory, with DynamoDailyFigures's conditions: a change's facts are counted
 * only if its first fact's key (kind, item, step, time) was never counted before, and then all at
 * once, each in its cell; listed facts are kept (again, harmlessly, on a repeat), unlisted ones
 * (asked) leave only their key behind. Counted by shard ({@link #countInShard}), a cell adds a
 * batch's records only when it has counted none of them from that shard, and else only those after
 * the last one it has: DynamoDailyFigures' condition on the cell's {@code seq:{shard}} attribute.
 */
public final class InMemoryDailyFigures implements DailyFigures {

    /** Keys counted: DynamoDailyFigures' conditional put of the change's first fact (or its small marker). */
    private final Set<String> counted = new HashSet<>();
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    /** Per day and cell key, as DynamoDailyFigures' {@code CELL#} items. */
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    /** Per day, cell key and shard: the last sequence number (padded) the cell counted, as the cell's {@code seq:{shard}}. */
    private final Map<String, String> shardPositions = new HashMap<>();
    /** The rating counted per source (item and step), as DynamoDailyFigures' {@code RATED#} marker. */
    private final Map<String, Fact> latestRatings = new LinkedHashMap<>();

    @Override
    public synchronized boolean count(List<Fact> made) {
        if (made.isEmpty()) {
            return false;
        }
        boolean first = counted.add(key(made.get(0)));
        if (first) {
            made.forEach(f -> add(f, f.tally()));
        }
        made.stream().filter(f -> f.kind().listed()).forEach(f -> facts.put(key(f), f));
        return first;
    }

    @Override
    public synchronized int countInShard(String shard, List<StreamChange> changes) {
        changes.forEach(c -> c.facts().stream().filter(f -> f.kind().listed()).forEach(f -> facts.put(key(f), f)));
        Set<String> countedNow = new HashSet<>();
        for (CellInShard cell : CellInShard.of(changes)) {
            String position = cell.day() + "|" + cell.key() + "|" + shard;
            String stored = shardPositions.get(position);
            // the write's condition: nothing of these counted yet; else (a retry) only the records after the stored one
            CellInShard fresh = stored == null || stored.compareTo(cell.first()) < 0 ? cell : cell.after(stored);
            if (!fresh.isEmpty()) {
                cells.merge(cell.day() + "|" + cell.key(), new Cell(cell.day(), cell.groups(), fresh.tally()),
                        (a, b) -> new Cell(a.day(), a.groups(), a.tally().plus(b.tally())));
                shardPositions.put(position, fresh.last());
                countedNow.addAll(fresh.sequences());
            }
        }
        return countedNow.size();
    }

    @Override
    public synchronized boolean countReplacing(Fact rating) {
        String source = rating.itemId() + "#" + rating.step();
        Fact before = latestRatings.get(source);
        if (before != null && !before.at().isBefore(rating.at())) {
            return false;
        }
        if (facts.containsKey(key(rating))) {
            return false;
        }
        if (before != null) {
            facts.remove(key(before));
            add(before, before.tally().negated());
        }
        latestRatings.put(source, rating);
        facts.put(key(rating), rating);
        add(rating, rating.tally());
        return true;
    }

    private static String key(Fact fact) {
        return fact.day() + "#" + fact.kind() + "#" + fact.at() + "#" + fact.itemId() + "#" + fact.step();
    }

    private void add(Fact fact, Tally tally) {
        cells.merge(fact.day() + "|" + Cell.key(fact.groups()), new Cell(fact.day(), fact.groups(), tally),
                (a, b) -> new Cell(a.day(), a.groups(), a.tally().plus(b.tally())));
    }

    @Override
    public synchronized List<Cell> cells(LocalDate from, LocalDate to) {
        List<Cell> days = new ArrayList<>();
        cells.values().forEach(c -> {
            if (!c.day().isBefore(from) && !c.day().isAfter(to)) {
                days.add(c);
            }
        });
        return days;
    }

    @Override
    public synchronized List<Fact> facts(LocalDate day, Fact.Kind kind, int limit) {
        return facts.values().stream().filter(f -> f.day().equals(day) && f.kind() == kind)
                .sorted(Comparator.comparing(Fact::at)).limit(limit).toList();
    }

    @Override
    public synchronized List<Fact> ratings(LocalDate day, int rating, int limit) {
        return facts.values().stream().filter(f -> f.day().equals(day) && f.kind() == Fact.Kind.RATED && f.rating() == rating)
                .sorted(Comparator.comparing(Fact::at)).limit(limit).toList();
    }
}
