package dev.qmark.core.reports;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.DailyFigures;
import dev.qmark.core.ports.SweepList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads what a digest says: the day's aggregates and facts (each list read up to one line more than
 * it shows, to say "and more"), the open questions from the sweeper's list, and 7 and 30 days of
 * the owners' aggregates, the day's own among them (30 days of cells read once). Nothing it reads
 * grows with the number of items in the table.
 */
public final class DigestReader {

    private final DailyFigures figures;
    private final SweepList open;
    private final Function<String, Optional<Feedback>> items;
    private final CustomerLetters letters;

    public DigestReader(DailyFigures figures, SweepList open, Function<String, Optional<Feedback>> items,
                        CustomerLetters letters) {
        this.figures = figures;
        this.open = open;
        this.items = items;
        this.letters = letters;
    }

    public DigestContent read(LocalDate day, Instant now) {
        Map<String, Integer> more = new LinkedHashMap<>();
        // 30 days of cells, read once: the day's totals, routes and channels, and the owners' 30 and last 7 days
        List<Cell> month = figures.cells(day.minusDays(29), day);
        List<Cell> today = month.stream().filter(c -> c.day().equals(day)).toList();
        Tally all = Tally.ZERO;
        for (DayTally t : Cell.tallies(today, "all")) {
            all = all.plus(t.tally());
        }
        List<Fact> rated = new ArrayList<>(figures.ratings(day, 1, DigestContent.LINES + 1));
        rated.addAll(figures.ratings(day, 2, DigestContent.LINES + 1));
        List<DayTally> owners = Cell.tallies(month, "owner");
        List<Fact> answers = figures.facts(day, Fact.Kind.ANSWERED, DigestContent.LINES + 1);
        return new DigestContent(day, all, sum(Cell.tallies(today, "route")), sum(Cell.tallies(today, "channel")),
                section("lowRatings", rated, more),
                section("breaches", figures.facts(day, Fact.Kind.BREACHED, DigestContent.LINES + 1), more),
                section("answers", answers, more),
                section("handOns", figures.facts(day, Fact.Kind.HANDED_ON, DigestContent.LINES + 1), more),
                openNow(now, more), sum(owners.stream().filter(t -> t.day().isAfter(day.minusDays(7))).toList()), sum(owners),
                notWrittenTo(answers), more);
    }

    /**
     * Of the day's answers the digest reads (at most {@link DigestContent#LINES} + 1), the items whose
     * customer nothing was ever relayed to: one key-only read per answer, so the cost stays bounded
     * however many items the table holds (an answer beyond those is counted in "more" answers).
     */
    private List<Fact> notWrittenTo(List<Fact> answers) {
        List<Fact> silent = new ArrayList<>();
        for (Fact answer : answers) {
            if (!letters.writtenTo(answer.itemId())) {
                silent.add(answer);
            }
        }
        return silent.size() > DigestContent.LINES ? silent.subList(0, DigestContent.LINES) : silent;
    }

    private static Map<String, Tally> sum(List<DayTally> tallies) {
        Map<String, Tally> totals = new TreeMap<>();
        for (DayTally t : tallies) {
            totals.merge(t.value(), t.tally(), Tally::plus);
        }
        return totals;
    }

    private static List<Fact> section(String name, List<Fact> facts, Map<String, Integer> more) {
        if (facts.size() > DigestContent.LINES) {
            more.put(name, facts.size() - DigestContent.LINES);
            return facts.subList(0, DigestContent.LINES);
        }
        return facts;
    }

    /** Late and open questions, oldest asked first; each line's title is its item's (one read per line shown). */
    private List<DigestContent.Open> openNow(Instant now, Map<String, Integer> more) {
        List<Escalation> found = new ArrayList<>(open.escalations(EscalationStatus.OPEN, null, null, 100));
        found.addAll(open.escalations(EscalationStatus.LATE, null, null, 100));
        found.removeIf(e -> e.askedAt() == null);
        // one line per item: a breached step (LATE) and the next one asked (OPEN) are one open question,
        // waiting since it was first asked, with whoever is asked now
        Map<String, Escalation> first = new LinkedHashMap<>();
        Map<String, Escalation> current = new LinkedHashMap<>();
        for (Escalation e : found) {
            first.merge(e.feedbackId(), e, (a, b) -> a.askedAt().isBefore(b.askedAt()) ? a : b);
            current.merge(e.feedbackId(), e, (a, b) -> a.step() > b.step() ? a : b);
        }
        found = new ArrayList<>(first.values());
        found.sort(Comparator.comparing(Escalation::askedAt));
        if (found.size() > DigestContent.LINES) {
            more.put("open", found.size() - DigestContent.LINES);
            found = found.subList(0, DigestContent.LINES);
        }
        List<DigestContent.Open> lines = new ArrayList<>();
        for (Escalation e : found) {
            String title = items.apply(e.feedbackId()).map(Feedback::title).orElse("");
            Escalation asked = current.get(e.feedbackId());
            lines.add(new DigestContent.Open(e.feedbackId(), title, asked.owner(), e.askedAt(), asked.dueAt(),
                    e.status() == EscalationStatus.LATE || (asked.dueAt() != null && asked.dueAt().isBefore(now))));
        }
        return lines;
    }
}
