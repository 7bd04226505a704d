package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Fact.Kind;
import dev.qmark.core.figures.Tally;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What only the table does: a stream record's facts are one transaction (its first fact and its
 * cell) and plain puts of the other listed facts after it, so the handler failing between the two
 * (the record is then retried) neither loses nor doubles a count; and a day's figures kept before
 * the cells (one {@code AGG#} item per group) still add up with the cells counted since.
 */
class DynamoDailyFiguresTest {

    private final TestBed bed = TestBed.create();

    @Test
    void aRecordRetriedAfterItsTransactionCountsNothingTwiceAndListsEverything() {
        LocalDate day = LocalDate.parse("2026-11-23");
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        String id = FeedbackIds.newId();
        List<String> groups = List.of("all#all", "channel#web", "route#late", "owner#dana");
        List<Fact> routed = List.of(
                new Fact(Kind.RECEIVED, id, 0, at, day, groups, null, null, "Late", "Minsu", "Where is it?", "late"),
                new Fact(Kind.RATED, id, 0, at, day, groups, null, 2, "Late", "Minsu", "Where is it?", "dana"));

        DynamoDailyFigures crashing = new DynamoDailyFigures(failingPlainPuts(bed.dynamo), bed.table);
        assertThrows(IllegalStateException.class, () -> crashing.count(routed));
        DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);
        assertEquals(0, figures.ratings(day, 2, 10).size(), "the failure came before the rating was listed");

        assertFalse(figures.count(routed), "the retry finds the record counted");
        Tally all = figures.tallies(day, day, "all").get(0).tally();
        assertEquals(1, all.received());
        assertEquals(1, all.ratings());
        assertEquals(1, figures.facts(day, Kind.RECEIVED, 10).size());
        assertEquals(1, figures.ratings(day, 2, 10).size(), "and lists the rating");
    }

    @Test
    void aDaysAggregatesFromBeforeTheCellsAddUpWithItsCells() {
        LocalDate day = LocalDate.parse("2026-11-24");
        for (String group : List.of("all#all", "owner#dana", "topic#delivery")) {
            bed.dynamo.putItem(p -> p.tableName(bed.table).item(Map.of("pk", AttributeValue.fromS("DAY#" + day),
                    "sk", AttributeValue.fromS("AGG#" + group), "dimension", AttributeValue.fromS(group.substring(0, group.indexOf('#'))),
                    "groupValue", AttributeValue.fromS(group.substring(group.indexOf('#') + 1)), "day", AttributeValue.fromS(day.toString()),
                    "received", AttributeValue.fromN("2"), "answered", AttributeValue.fromN("1"), "h3", AttributeValue.fromN("1"),
                    "maxMinutes", AttributeValue.fromN("18"))));
        }
        DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);
        assertTrue(figures.count(new Fact(Kind.RECEIVED, FeedbackIds.newId(), 0, Instant.parse("2026-11-24T05:00:00Z"), day,
                List.of("all#all", "owner#dana", "topic#refund"), null, null, "Refund", "Minsu", "Money back?", "refund")));

        Tally all = figures.tallies(day, day, "all").get(0).tally();
        assertEquals(3, all.received());
        assertEquals(1, all.answered());
        assertEquals(18L, all.maxMinutes());
        assertEquals(3, figures.tallies(day, day, "owner").get(0).tally().received());
        List<DayTally> topics = figures.tallies(day, day, "topic");
        assertEquals(List.of("topic#delivery", "topic#refund"), topics.stream().map(DayTally::group).toList());
        assertEquals(2, topics.get(0).tally().received());
        assertEquals(1, topics.get(1).tally().received());
        assertTrue(figures.tallies(day, day, "route").isEmpty());
    }

    /** The client, except that a plain PutItem fails as a crash would, after the transaction. */
    private static DynamoDbClient failingPlainPuts(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putItem")) {
                        throw new IllegalStateException("crashed before the plain puts");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
