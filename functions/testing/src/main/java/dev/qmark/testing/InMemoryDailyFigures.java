package dev.qmark.testing;

import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.DailyFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link DailyFigures} in memory, with DynamoDailyFigures's condition: a fact is counted only if no
 * fact with its key (kind, item, step, time) was counted before, and then in all its groups at once.
 */
public final class InMemoryDailyFigures implements DailyFigures {

    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Map<LocalDate, Map<String, Tally>> tallies = new TreeMap<>();
    /** The rating counted per source (item and step), as DynamoDailyFigures' {@code RATED#} marker. */
    private final Map<String, Fact> latestRatings = new LinkedHashMap<>();

    @Override
    public synchronized boolean count(Fact fact) {
        if (facts.putIfAbsent(key(fact), fact) != null) {
            return false;
        }
        add(fact, fact.tally());
        return true;
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
        Map<String, Tally> day = tallies.computeIfAbsent(fact.day(), d -> new TreeMap<>());
        for (String group : fact.groups()) {
            day.merge(group, tally, Tally::plus);
        }
    }

    @Override
    public synchronized List<DayTally> tallies(LocalDate from, LocalDate to, String dimension) {
        List<DayTally> found = new ArrayList<>();
        tallies.forEach((day, groups) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                groups.forEach((group, tally) -> {
                    if (group.startsWith(dimension + "#")) {
                        found.add(new DayTally(day, group, tally));
                    }
                });
            }
        });
        return found;
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
