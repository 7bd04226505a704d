package dev.qmark.core.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell's share of a stream batch from one shard: what each record adds to the cell, in sequence
 * order. Within a shard records come in order and a batch retried after a failure starts at the first
 * record not counted (ReportBatchItemFailures), never later, so the records a cell has counted from a
 * shard are always a prefix of that shard: the cell needs to remember only the last sequence number it
 * counted. A batch handed over again counts only its records {@link #after} that number.
 */
public final class CellInShard {

    /** One record's addition to the cell. */
    private record Entry(String sequence, Tally tally) {
    }

    private final LocalDate day;
    private final List<String> groups;
    private final List<Entry> entries;

    private CellInShard(LocalDate day, List<String> groups, List<Entry> entries) {
        this.day = day;
        this.groups = List.copyOf(groups);
        this.entries = List.copyOf(entries);
    }

    /** A batch's changes (one shard's) per day and cell, each cell's records in sequence order. */
    public static List<CellInShard> of(List<StreamChange> changes) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        for (StreamChange change : changes) {
            // a change's facts that share a cell add up to one entry: one record, one sequence number
            for (Cell cell : Cell.sum(change.facts())) {
                String key = cell.day() + "|" + cell.key();
                cells.putIfAbsent(key, cell);
                entries.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(change.paddedSequence(), cell.tally()));
            }
        }
        List<CellInShard> inShard = new ArrayList<>();
        entries.forEach((key, list) -> {
            List<Entry> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Entry::sequence));
            inShard.add(new CellInShard(cells.get(key).day(), cells.get(key).groups(), sorted));
        });
        return inShard;
    }

    public LocalDate day() {
        return day;
    }

    public List<String> groups() {
        return groups;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The padded sequence number of the first record (the condition: the cell counted nothing from here on). */
    public String first() {
        return entries.get(0).sequence();
    }

    /** The padded sequence number of the last record: what the cell remembers once these are counted. */
    public String last() {
        return entries.get(entries.size() - 1).sequence();
    }

    /** How many records add to the cell. */
    public int records() {
        return entries.size();
    }

    /** The records' padded sequence numbers, in order. */
    public List<String> sequences() {
        return entries.stream().map(Entry::sequence).toList();
    }

    /** What the records add together. */
    public Tally tally() {
        return entries.stream().map(Entry::tally).reduce(Tally.ZERO, Tally::plus);
    }

    /** Only the records after {@code counted} (a padded sequence number; null: all of them). */
    public CellInShard after(String counted) {
        if (counted == null) {
            return this;
        }
        return new CellInShard(day, groups, entries.stream().filter(e -> e.sequence().compareTo(counted) > 0).toList());
    }

    /** The cell's own key, as {@link Cell#key} names it. */
    public String key() {
        return Cell.key(groups);
    }
}
