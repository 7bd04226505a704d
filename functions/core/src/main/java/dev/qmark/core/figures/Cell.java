package dev.qmark.core.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's figures of one combination of groups (channel, route, owner, topics, and {@code all}):
 * the figures keep one tally per cell instead of one per group, so a fact adds to exactly one item
 * however many groups it counts towards. A group's figures are the sum of the cells that name it
 * ({@link #tallies}): a cell with two topics counts for each, {@code all#all} is in every cell.
 * How many cells a day has is bounded by the configuration (channels x routes x owners x topic
 * sets seen), never by the number of items.
 *
 * @param groups the fact's groups, as {@link Fact#groups()} names them
 */
public record Cell(LocalDate day, List<String> groups, Tally tally) {

    /** Sort keys stay short: a longer combination (many topics) is named by its digest instead. */
    static final int LONGEST_KEY = 400;

    public Cell {
        groups = List.copyOf(groups);
    }

    /** The cell a fact counts in. */
    public static Cell of(Fact fact) {
        return new Cell(fact.day(), fact.groups(), fact.tally());
    }

    /** Names the combination, whatever the order the groups were listed in: the same groups are the same cell. */
    public static String key(List<String> groups) {
        String joined = String.join("|", groups.stream().sorted().distinct().toList());
        if (joined.getBytes(StandardCharsets.UTF_8).length <= LONGEST_KEY) {
            return joined;
        }
        try {
            return "~" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String key() {
        return key(groups);
    }

    /**
     * Each group of {@code dimension} of each day, summed over the cells that name it: one tally per
     * day and group, days in order, groups in order within a day.
     */
    public static List<DayTally> tallies(Collection<Cell> cells, String dimension) {
        Map<LocalDate, Map<String, Tally>> sums = new TreeMap<>();
        String prefix = dimension + "#";
        for (Cell cell : cells) {
            for (String group : cell.groups().stream().distinct().toList()) {
                if (group.startsWith(prefix)) {
                    sums.computeIfAbsent(cell.day(), d -> new TreeMap<>()).merge(group, cell.tally(), Tally::plus);
                }
            }
        }
        List<DayTally> tallies = new ArrayList<>();
        sums.forEach((day, groups) -> groups.forEach((group, tally) -> tallies.add(new DayTally(day, group, tally))));
        return tallies;
    }

    /** Adds facts' tallies up per day and cell: what one write per cell adds. */
    public static List<Cell> sum(Collection<Fact> facts) {
        Map<String, Cell> cells = new java.util.LinkedHashMap<>();
        for (Fact f : facts) {
            cells.merge(f.day() + "|" + key(f.groups()), of(f),
                    (a, b) -> new Cell(a.day(), a.groups(), a.tally().plus(b.tally())));
        }
        return List.copyOf(cells.values());
    }
}
