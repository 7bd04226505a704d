package dev.qmark.core.reports;

import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.DailyFigures;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /stats}: per group and per day, counts, time to first answer (median, p90, max),
 * breach rate, hand-ons, ratings (count and mean). Reads one aggregate per group and day, nothing
 * else: what it costs depends on the days and groups asked for, never on the items.
 */
public final class Stats {

    public static final Set<String> DIMENSIONS = Set.of("owner", "route", "topic", "channel", "all");
    /** A longer period is asked for in several calls: a year of days is 366 queries. */
    public static final int MAX_DAYS = 366;

    private final DailyFigures figures;

    public Stats(DailyFigures figures) {
        this.figures = figures;
    }

    /** One group's figures: the period's and each day's. */
    public record Group(String group, Figures total, Map<LocalDate, Figures> days) {
    }

    /** A tally as people read it (minutes, a rate, a mean). */
    public record Figures(long received, long asked, long answered, Long medianMinutes, Long p90Minutes, Long maxMinutes,
                          long breaches, Double breachRate, long handOns, long ratings, Double ratingMean, long lowRatings) {

        public static Figures of(Tally t) {
            return new Figures(t.received(), t.asked(), t.answered(), t.medianMinutes(), t.p90Minutes(), t.maxMinutes(),
                    t.breaches(), t.breachRate(), t.handOns(), t.ratings(), t.ratingMean(), t.lowRatings());
        }
    }

    /** Every group of {@code by} from {@code from} to {@code to} (both included), busiest first. */
    public List<Group> groups(LocalDate from, LocalDate to, String by) {
        if (!DIMENSIONS.contains(by)) {
            throw new IllegalArgumentException("by must be owner, route, topic or channel");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("from..to must be 1 to " + MAX_DAYS + " days, from not after to");
        }
        return group(figures.tallies(from, to, by));
    }

    /** Adds up the days of each group. */
    public static List<Group> group(List<DayTally> tallies) {
        Map<String, Map<LocalDate, Tally>> byGroup = new LinkedHashMap<>();
        for (DayTally t : tallies) {
            byGroup.computeIfAbsent(t.value(), g -> new TreeMap<>()).merge(t.day(), t.tally(), Tally::plus);
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((name, days) -> {
            Tally total = days.values().stream().reduce(Tally.ZERO, Tally::plus);
            Map<LocalDate, Figures> daily = new LinkedHashMap<>();
            days.forEach((day, t) -> daily.put(day, Figures.of(t)));
            groups.add(new Group(name, Figures.of(total), daily));
        });
        groups.sort((a, b) -> Long.compare(b.total().received() + b.total().asked(), a.total().received() + a.total().asked()));
        return groups;
    }

    /** The period's tally of each group of {@code by}. */
    public Map<String, Tally> totals(LocalDate from, LocalDate to, String by) {
        Map<String, Tally> totals = new TreeMap<>();
        for (DayTally t : figures.tallies(from, to, by)) {
            totals.merge(t.value(), t.tally(), Tally::plus);
        }
        return totals;
    }
}
