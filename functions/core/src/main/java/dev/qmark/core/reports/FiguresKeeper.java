package dev.qmark.core.reports;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.FactsOfChange;
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.DailyFigures;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps the daily figures as items change (the table stream's consumer): each change's facts
 * counted once, together (a stream batch's changes too, {@link #countAll}). A change of an
 * escalation needs its item (route, channel, topics, arrival): one read, only when the change is a
 * transition worth counting.
 */
public final class FiguresKeeper {

    private final FactsOfChange facts;
    private final DailyFigures figures;
    private final Function<String, Optional<Feedback>> items;
    private final Function<String, Optional<Feedback>> itemsRouteKnown;

    public FiguresKeeper(FactsOfChange facts, DailyFigures figures, Function<String, Optional<Feedback>> items) {
        this(facts, figures, items, items);
    }

    /**
     * @param items           the item of an escalation's change, with its route
     * @param itemsRouteKnown the item of an escalation's change that names its route itself (the first "?"
     *                        records the route on the item after its escalation's change): may lack the route
     */
    public FiguresKeeper(FactsOfChange facts, DailyFigures figures, Function<String, Optional<Feedback>> items,
                         Function<String, Optional<Feedback>> itemsRouteKnown) {
        this.facts = facts;
        this.figures = figures;
        this.items = items;
        this.itemsRouteKnown = itemsRouteKnown;
    }

    /** Counts what the item's change made; returns how many facts were new. */
    public int itemChanged(Feedback before, Feedback after) {
        return count(facts.ofItem(before, after));
    }

    public int escalationChanged(String feedbackId, Escalation before, Escalation after) {
        return count(factsOfEscalation(feedbackId, before, after));
    }

    /** The facts an item's change makes, to be counted with others ({@link #countAll}). */
    public List<Fact> factsOfItem(Feedback before, Feedback after) {
        return facts.ofItem(before, after);
    }

    /** The facts an escalation's change makes (its item read only when it may make some). */
    public List<Fact> factsOfEscalation(String feedbackId, Escalation before, Escalation after) {
        return factsOfEscalation(feedbackId, before, after, null);
    }

    /**
     * As {@link #factsOfEscalation(String, Escalation, Escalation)} for an escalation that says which route
     * its item was asked under ({@code askedUnderRoute}, null: it does not): the first "?" is sent, and its
     * escalation changed, before the item's ASKED records the route, so the item read then may not show it.
     * The route the escalation names groups the facts then, and the item is not read again for it.
     */
    public List<Fact> factsOfEscalation(String feedbackId, Escalation before, Escalation after, String askedUnderRoute) {
        if (after == null || after.status() == null || !mayCount(before, after)) {
            return List.of();
        }
        if (askedUnderRoute == null) {
            return items.apply(feedbackId).map(f -> facts.ofEscalation(before, after, f)).orElse(List.of());
        }
        return itemsRouteKnown.apply(feedbackId).map(f -> facts.ofEscalation(before, after, f,
                f.route() != null ? f.route().route() : askedUnderRoute)).orElse(List.of());
    }

    /**
     * Counts a stream batch's changes (its records' facts, in order), each once, in as few writes as
     * the store can: with the shard they came through known, one write per cell remembering the last
     * record counted ({@link DailyFigures#countInShard}); without it (a mapping that names no shard),
     * each change's marker in a transaction with its cells ({@link DailyFigures#countAll}). Returns
     * how many changes counted now.
     *
     * @param shard the stream shard, or null when the event did not name it
     */
    public int countAll(String shard, List<StreamChange> changes) {
        List<StreamChange> some = changes.stream().filter(c -> !c.facts().isEmpty()).toList();
        if (some.isEmpty()) {
            return 0;
        }
        return shard == null ? figures.countAll(some.stream().map(StreamChange::facts).toList()) : figures.countInShard(shard, some);
    }

    /**
     * A customer's rating of a letter was given or changed (the {@code RATING#} item): counted as the
     * letter's rating, replacing the one it changes (so a rating changed from 1 to 4 counts once, as
     * a 4, on the day it was changed). The item is read only when the score, comment or time differ.
     */
    public int ratingChanged(String feedbackId, String letterKey, CustomerLetters.Rating before,
                             CustomerLetters.Rating after) {
        if (after == null || (before != null && before.score() == after.score() && before.at().equals(after.at())
                && before.comment().equals(after.comment()))) {
            return 0;
        }
        Optional<Feedback> item = items.apply(feedbackId);
        if (item.isEmpty()) {
            return 0;
        }
        Optional<Fact> fact = facts.ofLetterRating(item.get(), letterKey, before == null ? null : before.score(),
                before == null ? null : before.at(), before == null ? null : before.comment(), after.score(), after.at(),
                after.comment());
        return fact.isPresent() && figures.countReplacing(fact.get()) ? 1 : 0;
    }

    /**
     * Cheap check before the item is read: did the change start anything a fact counts (asked, answered,
     * breached, handed on; {@link FactsOfChange#ofEscalation})? A new escalation still being asked (no
     * {@code askedAt} yet) and a reminder's or a sweep's bookkeeping start none, so they read nothing.
     */
    private static boolean mayCount(Escalation before, Escalation after) {
        boolean answeredBefore = before != null && before.status() != null && before.status().answered();
        return (after.askedAt() != null && (before == null || before.askedAt() == null))
                || (after.status().answered() && !answeredBefore)
                || (after.breachedAt() != null && (before == null || before.breachedAt() == null))
                || (after.handedOn() != null && (before == null || before.handedOn() == null));
    }

    /** A change's facts are counted together: one write per stream record, not one per fact. */
    private int count(List<Fact> made) {
        return !made.isEmpty() && figures.count(made) ? made.size() : 0;
    }
}
