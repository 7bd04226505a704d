package dev.qmark.core.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One thing that happened to an item and counts in the figures: it came in, was rated, its owner
 * was asked, answered, let the deadline pass, handed it on. Made from a change of the item's
 * state ({@link FactsOfChange}), so the same change seen twice (streams deliver at least once) is
 * the same fact with the same {@link #key()}: the store counts each key once.
 *
 * @param day     the founder's calendar day it happened on: the day whose figures it counts in
 * @param groups  what it counts towards: {@code all#all}, {@code owner#dana}, {@code route#…},
 *                {@code channel#web}, {@code topic#…}
 * @param minutes time to first answer (ANSWERED), how late (BREACHED); else null
 * @param rating  1 to 5 (RATED), else null
 * @param title   what a person calls the item (its subject or first words)
 * @param who     the owner (or, RECEIVED/RATED, the customer's name)
 * @param words   the customer's words (RATED) or the answer (ANSWERED), cut short; else null
 * @param detail  where a breach went, to whom it was handed on; else null
 */
public record Fact(Kind kind, String itemId, int step, Instant at, LocalDate day, List<String> groups,
                   Long minutes, Integer rating, String title, String who, String words, String detail) {

    public enum Kind {
        RECEIVED, RATED, ASKED, ANSWERED, BREACHED, HANDED_ON;

        /**
         * Whether anyone lists the facts of this kind (the digest: answers, breaches, hand-ons, low
         * ratings; the town-hall report: received, rated, answered): an unlisted kind (asked) is only
         * counted, so the figures keep no more of it than what makes it count once.
         */
        public boolean listed() {
            return this != ASKED;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Kind fromWire(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** Words kept with a fact: enough to read aloud, never the whole of a long mail. */
    public static final int WORDS_KEPT = 600;

    public Fact {
        groups = List.copyOf(groups);
        if (words != null && words.length() > WORDS_KEPT) {
            words = words.substring(0, WORDS_KEPT) + "…";
        }
    }

    /** Names the fact for good: the same change of the same item is the same key. */
    public String key() {
        return kind.wireName() + "#" + itemId + "#" + step;
    }

    /** What this fact adds to each of its groups' figures for its day. */
    public Tally tally() {
        return switch (kind) {
            case RECEIVED -> Tally.ZERO.withReceived(1);
            case RATED -> Tally.ZERO.withRating(rating);
            case ASKED -> Tally.ZERO.withAsked(1);
            case ANSWERED -> Tally.ZERO.withAnswer(minutes == null ? 0 : minutes);
            case BREACHED -> Tally.ZERO.withBreaches(1);
            case HANDED_ON -> Tally.ZERO.withHandOns(1);
        };
    }

    /** A low rating is 1 or 2: the founder reads every one. */
    public boolean lowRating() {
        return kind == Kind.RATED && rating != null && rating <= 2;
    }

    /** The reference customers and the founder see ({@code Q-} and the first 8 characters of the id). */
    public String reference() {
        return Reference.of(itemId);
    }
}
