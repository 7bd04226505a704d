package dev.qmark.core.figures;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.figures.Fact.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts a change of state makes, from the state before and after (a table stream's old and new
 * image). Facts come from transitions only, so a change seen twice makes the same facts, and a
 * change that is not a transition (a reminder noted, a sweep's bookkeeping) makes none.
 *
 * <p>Ratings are the form's (or a mail's) rating on the item, counted when the item is routed, and
 * the customer's satisfaction rating of each mail relayed to them ({@link #ofLetterRating}), whose
 * source is the letter ({@link #letterSource}): the customer may change it for 14 days, and the
 * latest replaces the one counted before ({@code DailyFigures.countReplacing}).
 */
public final class FactsOfChange {

    private final QmarkConfig config;
    private final TopicTagger topics;
    private final ZoneId zone;

    public FactsOfChange(QmarkConfig config, TopicTagger topics) {
        this.config = config;
        this.topics = topics;
        this.zone = config.founder().timeZone();
    }

    /**
     * The item itself changed: when it gets its route it counts as received (its route and owner are
     * known then, a moment after it arrived), and its rating, if it has one, as a rating. The route comes
     * with the item's ASKED (RECEIVED to ASKED, the first "?" sent), with the item itself for a forward
     * to an owner, and with ROUTED on items routed before the route rode on the ask.
     */
    public List<Fact> ofItem(Feedback before, Feedback after) {
        if (after == null || after.route() == null || (before != null && before.route() != null)) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        List<String> groups = groups(after, after.route().owner());
        facts.add(new Fact(Kind.RECEIVED, after.id(), 0, after.receivedAt(), day(after.receivedAt()), groups, null, null,
                after.title(), after.customer().name(), after.message(), after.route().route()));
        if (after.rating() != null) {
            facts.add(rated(after, after.rating(), after.receivedAt(), 0, after.message()));
        }
        return facts;
    }

    /** A rating of the item: {@code source} tells ratings of one item apart (0: the form's). */
    public Fact rated(Feedback item, int rating, Instant at, int source, String words) {
        String owner = item.route() == null ? null : item.route().owner();
        return new Fact(Kind.RATED, item.id(), source, at, day(at), groups(item, owner), null, rating, item.title(),
                item.customer().name(), words, owner);
    }

    /**
     * A letter's rating changed (the {@code RATING#} item's old and new score, comment and time; null
     * where there was no score): a new score, comment or time is a rating fact, the customer's
     * comment its words; anything else (the founder's step noted on it) is none.
     */
    public Optional<Fact> ofLetterRating(Feedback item, String letterKey, Integer scoreBefore, Instant atBefore,
                                         String commentBefore, Integer score, Instant at, String comment) {
        if (item == null || score == null || at == null
                || (score.equals(scoreBefore) && at.equals(atBefore) && Objects.equals(comment, commentBefore))) {
            return Optional.empty();
        }
        return Optional.of(rated(item, score, at, letterSource(letterKey), comment == null || comment.isBlank() ? null : comment));
    }

    /**
     * A letter as a rating's source: a positive number from its key (16 hex characters), never 0
     * (the form's) nor an escalation step (bit 28 set), so the same letter is always the same source.
     */
    public static int letterSource(String letterKey) {
        String hex = letterKey.length() > 7 ? letterKey.substring(0, 7) : letterKey;
        return 0x10000000 | Integer.parseInt(hex, 16);
    }

    /** An escalation of {@code item} changed: asked, answered, breached, handed on. */
    public List<Fact> ofEscalation(Escalation before, Escalation after, Feedback item) {
        return ofEscalation(before, after, item, item == null || item.route() == null ? null : item.route().route());
    }

    /**
     * As {@link #ofEscalation(Escalation, Escalation, Feedback)}, grouped under {@code route} (the item's
     * route, or the one its first "?" was asked under when the item read does not show it yet).
     */
    public List<Fact> ofEscalation(Escalation before, Escalation after, Feedback item, String route) {
        if (after == null || after.status() == null || item == null) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        List<String> groups = groups(item, route, after.owner());
        if (after.askedAt() != null && (before == null || before.askedAt() == null)) {
            facts.add(fact(Kind.ASKED, item, after, after.askedAt(), groups, null, null, null));
        }
        // an answer stops every running clock of the item, but only the escalation it replied to carries the
        // answer's words: that one counts, so an item is answered once
        if (after.status().answered() && (before == null || before.status() == null || !before.status().answered())
                && after.answeredAt() != null && after.answer() != null) {
            long minutes = Duration.between(item.receivedAt(), after.answeredAt()).toMinutes();
            facts.add(fact(Kind.ANSWERED, item, after, after.answeredAt(), groups, Math.max(0, minutes), after.answer(),
                    after.status() == EscalationStatus.ANSWERED_LATE ? "late" : null));
        }
        if (after.breachedAt() != null && (before == null || before.breachedAt() == null)) {
            long late = after.dueAt() == null ? 0 : Duration.between(after.dueAt(), after.breachedAt()).toMinutes();
            facts.add(fact(Kind.BREACHED, item, after, after.breachedAt(), groups, Math.max(0, late), null, wentTo(after)));
        }
        if (after.handedOn() != null && (before == null || before.handedOn() == null)) {
            facts.add(fact(Kind.HANDED_ON, item, after, after.handedOn().at(), groups, null, after.handedOn().note(),
                    after.handedOn().to()));
        }
        return facts;
    }

    private Fact fact(Kind kind, Feedback item, Escalation e, Instant at, List<String> groups, Long minutes,
                      String words, String detail) {
        return new Fact(kind, item.id(), e.step(), at, day(at), groups, minutes, null, item.title(), e.owner(), words, detail);
    }

    /** The next person up the chain: where a breached question goes. */
    private String wentTo(Escalation e) {
        if (QmarkConfig.FOUNDER.equals(e.owner()) || config.owner(e.owner()).isEmpty()) {
            return null;
        }
        List<String> chain = config.chainAbove(e.owner());
        return chain.isEmpty() ? null : chain.get(0);
    }

    private List<String> groups(Feedback item, String owner) {
        return groups(item, item.route() == null ? null : item.route().route(), owner);
    }

    private List<String> groups(Feedback item, String route, String owner) {
        List<String> groups = new ArrayList<>();
        groups.add("all#all");
        groups.add("channel#" + item.channel().wireName());
        if (route != null) {
            groups.add("route#" + route);
        }
        if (owner != null) {
            groups.add("owner#" + owner);
        }
        for (String topic : topics.tag(item.subject() + "\n" + item.message())) {
            groups.add("topic#" + topic);
        }
        return groups;
    }

    /** The founder's calendar day: the digest and the figures count days as the founder lives them. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
