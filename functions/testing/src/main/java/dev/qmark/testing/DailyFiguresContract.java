package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Fact.Kind;
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.DailyFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DailyFigures} must do, against the in-memory one and DynamoDB alike: a change's
 * facts count once and together, a group's figures are the sum of the cells that name it. Each case
 * keeps to its own days, so one table serves them all.
 */
public abstract class DailyFiguresContract {

    private static final List<String> WEB_DELIVERY = List.of("all#all", "channel#web", "route#late", "owner#dana", "topic#delivery");
    private static final List<String> MAIL_TWO_TOPICS =
            List.of("all#all", "channel#email", "route#late", "owner#dana", "topic#delivery", "topic#refund");

    /** A DynamoDB stream's shard, as Lambda names it in a tumbling window's event. */
    protected static final String SHARD = "shardId-00000001759800000000-a1b2c3d4";

    protected abstract DailyFigures figures();

    @Test
    void aChangesFactsCountOnceTogetherAndTheListedOnesAreListed() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-01");
        String id = FeedbackIds.newId();
        Instant at = Instant.parse("2026-10-01T03:00:00Z");
        List<Fact> routed = List.of(fact(Kind.RECEIVED, id, 0, at, day, WEB_DELIVERY, null, null),
                fact(Kind.RATED, id, 0, at, day, WEB_DELIVERY, null, 2));
        assertTrue(figures.count(routed));
        assertFalse(figures.count(routed), "the stream record again");

        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(1, all.received());
        assertEquals(1, all.ratings());
        assertEquals(1, all.lowRatings());
        assertEquals(1, figures.facts(day, Kind.RECEIVED, 10).size());
        assertEquals(1, figures.ratings(day, 2, 10).size());

        Fact asked = fact(Kind.ASKED, id, 1, at.plusSeconds(60), day, WEB_DELIVERY, null, null);
        assertTrue(figures.count(asked));
        assertFalse(figures.count(asked));
        assertEquals(1, only(figures.tallies(day, day, "owner")).asked());
        assertTrue(figures.facts(day, Kind.ASKED, 10).isEmpty(), "nobody lists questions asked: only counted");
    }

    @Test
    void aGroupSumsTheCellsThatNameItAndACellCountsForEachOfItsTopics() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-02");
        Instant at = Instant.parse("2026-10-02T03:00:00Z");
        assertTrue(figures.count(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, WEB_DELIVERY, null, null)));
        assertTrue(figures.count(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at.plusSeconds(1), day, WEB_DELIVERY, null, null)));
        // the same groups listed in another order are the same cell
        assertTrue(figures.count(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at.plusSeconds(2), day,
                MAIL_TWO_TOPICS.reversed(), null, null)));

        assertEquals(3, only(figures.tallies(day, day, "all")).received());
        assertEquals(3, only(figures.tallies(day, day, "route")).received());
        assertEquals(Map.of("delivery", 3L, "refund", 1L), received(figures.tallies(day, day, "topic")));
        assertEquals(Map.of("web", 2L, "email", 1L), received(figures.tallies(day, day, "channel")));
        LocalDate quiet = LocalDate.parse("2026-09-30"); // no case counts on it
        assertTrue(figures.tallies(quiet, quiet, "all").isEmpty());
    }

    @Test
    void answersAddTheirBucketsAndTheLargestTimeIsKeptAcrossCells() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-03");
        Instant at = Instant.parse("2026-10-03T03:00:00Z");
        assertTrue(figures.count(fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, WEB_DELIVERY, 500L, null)));
        assertTrue(figures.count(fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, WEB_DELIVERY, 40L, null)));
        Fact slow = fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, MAIL_TWO_TOPICS, 900L, null);
        assertTrue(figures.count(slow));
        assertFalse(figures.count(slow));
        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(3, all.answered());
        assertEquals(900L, all.maxMinutes());
        assertEquals(600L, all.medianMinutes());
        assertEquals(500L, received(figures.tallies(day, day, "channel"), "web").maxMinutes());
        assertEquals(3, figures.facts(day, Kind.ANSWERED, 10).size());
    }

    @Test
    void aBatchOfChangesCountsEachOnceAlsoWhenItOverlapsOneCountedBefore() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-05");
        Instant at = Instant.parse("2026-10-05T03:00:00Z");
        String id = FeedbackIds.newId();
        List<Fact> routed = List.of(fact(Kind.RECEIVED, id, 0, at, day, WEB_DELIVERY, null, null),
                fact(Kind.RATED, id, 0, at, day, WEB_DELIVERY, null, 5));
        List<Fact> asked = List.of(fact(Kind.ASKED, id, 1, at.plusSeconds(1), day, WEB_DELIVERY, null, null));
        List<Fact> other = List.of(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, MAIL_TWO_TOPICS, null, null));
        List<Fact> answered = List.of(fact(Kind.ANSWERED, id, 1, at.plusSeconds(600), day, WEB_DELIVERY, 10L, null));

        assertEquals(3, figures.countAll(List.of(routed, asked, other)));
        // the batch handed over again, cut differently: only the answer is new
        assertEquals(1, figures.countAll(List.of(asked, other, answered, answered)));
        assertEquals(0, figures.countAll(List.of(routed, answered)));

        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(2, all.received());
        assertEquals(1, all.asked());
        assertEquals(1, all.answered());
        assertEquals(1, all.ratings());
        assertEquals(10L, all.maxMinutes());
        assertEquals(Map.of("delivery", 2L, "refund", 1L), received(figures.tallies(day, day, "topic")));
        assertEquals(1, figures.ratings(day, 5, 10).size());
        assertEquals(2, figures.facts(day, Kind.RECEIVED, 10).size());
    }

    @Test
    void aBatchFromAShardCountedTwiceCountsOnceAndListsOnce() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-06");
        Instant at = Instant.parse("2026-10-06T03:00:00Z");
        String id = FeedbackIds.newId();
        List<StreamChange> batch = List.of(
                new StreamChange("100000000000000000001", List.of(fact(Kind.RECEIVED, id, 0, at, day, WEB_DELIVERY, null, null),
                        fact(Kind.RATED, id, 0, at, day, WEB_DELIVERY, null, 2))),
                new StreamChange("100000000000000000002", List.of(fact(Kind.ASKED, id, 1, at.plusSeconds(1), day, WEB_DELIVERY, null, null))),
                new StreamChange("100000000000000000003",
                        List.of(fact(Kind.ANSWERED, id, 1, at.plusSeconds(600), day, WEB_DELIVERY, 10L, null))));

        assertEquals(3, figures.countInShard(SHARD, batch));
        assertEquals(0, figures.countInShard(SHARD, batch), "the batch handed over again");
        assertEquals(0, figures.countInShard(SHARD, batch.reversed()), "again, in another order");

        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(1, all.received());
        assertEquals(1, all.asked());
        assertEquals(1, all.answered());
        assertEquals(1, all.ratings());
        assertEquals(10L, all.maxMinutes());
        assertEquals(1, figures.facts(day, Kind.RECEIVED, 10).size());
        assertEquals(1, figures.ratings(day, 2, 10).size());
        assertEquals(1, figures.facts(day, Kind.ANSWERED, 10).size());
        assertTrue(figures.facts(day, Kind.ASKED, 10).isEmpty(), "asked is counted, never listed");
    }

    @Test
    void aBatchRetriedFromALaterRecordAfterSomeCellsCountedCountsEachRecordOnce() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-07");
        Instant at = Instant.parse("2026-10-07T03:00:00Z");
        StreamChange first = new StreamChange("200000000000000000001",
                List.of(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, WEB_DELIVERY, null, null)));
        StreamChange second = new StreamChange("200000000000000000002",
                List.of(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, MAIL_TWO_TOPICS, null, null)));
        StreamChange third = new StreamChange("200000000000000000003",
                List.of(fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, WEB_DELIVERY, 700L, null)));
        StreamChange fourth = new StreamChange("200000000000000000004",
                List.of(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, WEB_DELIVERY, null, null)));

        // a failure after the web cell counted the first record, before the mail cell counted the second
        assertEquals(1, figures.countInShard(SHARD, List.of(first)));
        // Lambda retries from the first record of the failed lot, then from a later one, cut differently
        assertEquals(2, figures.countInShard(SHARD, List.of(first, second, third)));
        assertEquals(1, figures.countInShard(SHARD, List.of(second, third, fourth)));
        assertEquals(0, figures.countInShard(SHARD, List.of(third, fourth)));

        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(3, all.received());
        assertEquals(1, all.answered());
        assertEquals(700L, all.maxMinutes());
        assertEquals(Map.of("web", 2L, "email", 1L), received(figures.tallies(day, day, "channel")));
    }

    @Test
    void twoShardsInterleavingOnOneCellBothCount() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-08");
        Instant at = Instant.parse("2026-10-08T03:00:00Z");
        String other = "shardId-00000001759900000000-0f0f0f0f";
        // the other shard's numbers are lower: each shard's are compared only with its own
        StreamChange a1 = received("300000000000000000001", at, day);
        StreamChange b1 = received("1000000000000000000001", at, day);
        StreamChange a2 = received("300000000000000000005", at, day);
        StreamChange b2 = received("1000000000000000000009", at, day);

        assertEquals(1, figures.countInShard(SHARD, List.of(a1)));
        assertEquals(1, figures.countInShard(other, List.of(b1)));
        assertEquals(1, figures.countInShard(SHARD, List.of(a1, a2)));
        assertEquals(1, figures.countInShard(other, List.of(b1, b2)));
        assertEquals(0, figures.countInShard(other, List.of(b1, b2)));
        assertEquals(0, figures.countInShard(SHARD, List.of(a2)));

        assertEquals(4, only(figures.tallies(day, day, "all")).received());
    }

    @Test
    void aChangedRatingLeavesItsCellAndTheLatestCountsOnce() {
        DailyFigures figures = figures();
        LocalDate day = LocalDate.parse("2026-10-04");
        String id = FeedbackIds.newId();
        int letter = 0x10000abc;
        Fact low = fact(Kind.RATED, id, letter, Instant.parse("2026-10-04T03:00:00Z"), day, WEB_DELIVERY, null, 1);
        Fact better = fact(Kind.RATED, id, letter, Instant.parse("2026-10-04T05:00:00Z"), day, WEB_DELIVERY, null, 4);
        assertTrue(figures.countReplacing(low));
        assertTrue(figures.countReplacing(better));
        assertFalse(figures.countReplacing(better));
        assertFalse(figures.countReplacing(low), "a stale record");
        Tally all = only(figures.tallies(day, day, "all"));
        assertEquals(1, all.ratings());
        assertEquals(4, all.ratingSum());
        assertEquals(0, all.lowRatings());
        assertTrue(figures.ratings(day, 1, 10).isEmpty());
        assertEquals(1, figures.ratings(day, 4, 10).size());
    }

    private static StreamChange received(String sequence, Instant at, LocalDate day) {
        return new StreamChange(sequence, List.of(fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, WEB_DELIVERY, null, null)));
    }

    private static Fact fact(Kind kind, String id, int step, Instant at, LocalDate day, List<String> groups, Long minutes,
                             Integer rating) {
        return new Fact(kind, id, step, at, day, groups, minutes, rating, "Late parcel", "Minsu", "Where is it?", null);
    }

    private static Tally only(List<DayTally> tallies) {
        assertEquals(1, tallies.size(), tallies.toString());
        return tallies.get(0).tally();
    }

    private static Map<String, Long> received(List<DayTally> tallies) {
        Map<String, Long> counts = new TreeMap<>();
        tallies.forEach(t -> assertEquals(null, counts.put(t.value(), t.tally().received()), "one tally per day and group"));
        return counts;
    }

    private static Tally received(List<DayTally> tallies, String value) {
        return tallies.stream().filter(t -> t.value().equals(value)).findFirst().orElseThrow().tally();
    }
}
