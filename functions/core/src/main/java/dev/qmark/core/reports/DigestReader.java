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
import dev.qmark.core.reading.Together;
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
import java.util.function.Supplier;

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

    /**
     * Its lists and the month's cells are read at the same time, then the lines' items and letters
     * ({@link Together}): each is a round trip of its own, and one after another they were most of a
     * digest's time.
     */
    public DigestContent read(LocalDate day, Instant now) {
        try (Together together = new Together()) {
            int lines = DigestContent.LINES + 1;
            // 30 days of cells, read once: the day's totals, routes and channels, and the owners' 30 and last 7 days
            Supplier<List<Cell>> month = together.start(() -> figures.cells(day.minusDays(29), day));
            Supplier<List<Fact>> ones = together.start(() -> figures.ratings(day, 1, lines));
            Supplier<List<Fact>> twos = together.start(() -> figures.ratings(day, 2, lines));
            Supplier<List<Fact>> answered = together.start(() -> figures.facts(day, Fact.Kind.ANSWERED, lines));
            Supplier<List<Fact>> breaches = together.start(() -> figures.facts(day, Fact.Kind.BREACHED, lines));
            Supplier<List<Fact>> handOns = together.start(() -> figures.facts(day, Fact.Kind.HANDED_ON, lines));
            Supplier<List<Escalation>> open = together.start(() -> open(EscalationStatus.OPEN));
            Supplier<List<Escalation>> late = together.start(() -> open(EscalationStatus.LATE));

            Map<String, Integer> more = new LinkedHashMap<>();
            List<Cell> today = month.get().stream().filter(c -> c.day().equals(day)).toList();
            Tally all = Tally.ZERO;
            for (DayTally t : Cell.tallies(today, "all")) {
                all = all.plus(t.tally());
            }
            List<Fact> rated = new ArrayList<>(ones.get());
            rated.addAll(twos.get());
            List<DayTally> owners = Cell.tallies(month.get(), "owner");
            List<Fact> answers = answered.get();
            Supplier<List<Boolean>> written = together.startEach(answers, answer -> letters.writtenTo(answer.itemId()));
            return new DigestContent(day, all, sum(Cell.tallies(today, "route")), sum(Cell.tallies(today, "channel")),
                    section("lowRatings", rated, more),
                    section("breaches", breaches.get(), more),
                    section("answers", answers, more),
                    section("handOns", handOns.get(), more),
                    openNow(together, open.get(), late.get(), now, more),
                    sum(owners.stream().filter(t -> t.day().isAfter(day.minusDays(7))).toList()), sum(owners),
                    notWrittenTo(answers, written.get()), more);
        }
    }

    private List<Escalation> open(EscalationStatus status) {
        return open.escalations(status, null, null, 100);
    }

    /**
     * Of the day's answers the digest reads (at most {@link DigestContent#LINES} + 1), the items whose
     * customer nothing was ever relayed to: one key-only read per answer, so the cost stays bounded
     * however many items the table holds (an answer beyond those is counted in "more" answers).
     */
    private static List<Fact> notWrittenTo(List<Fact> answers, List<Boolean> written) {
        List<Fact> silent = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!written.get(i)) {
                silent.add(answers.get(i));
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
    private List<DigestContent.Open> openNow(Together together, List<Escalation> open, List<Escalation> late, Instant now,
                                            Map<String, Integer> more) {
        List<Escalation> found = new ArrayList<>(open);
        found.addAll(late);
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
        List<String> titles = together.each(found, e -> items.apply(e.feedbackId()).map(Feedback::title).orElse(""));
        List<DigestContent.Open> lines = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Escalation e = found.get(i);
            String title = titles.get(i);
            Escalation asked = current.get(e.feedbackId());
            lines.add(new DigestContent.Open(e.feedbackId(), title, asked.owner(), e.askedAt(), asked.dueAt(),
                    e.status() == EscalationStatus.LATE || (asked.dueAt() != null && asked.dueAt().isBefore(now))));
        }
        return lines;
    }
}
