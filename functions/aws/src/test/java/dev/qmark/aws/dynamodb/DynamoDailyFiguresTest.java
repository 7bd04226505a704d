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
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.figures.Tally;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

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

    @Test
    void aBatchFailingBetweenItsCellsWritesCountsEachRecordOnceWhenRetriedFromItsFirst() {
        LocalDate day = LocalDate.parse("2026-11-25");
        Instant at = Instant.parse("2026-11-25T03:00:00Z");
        List<String> web = List.of("all#all", "channel#web");
        List<String> mail = List.of("all#all", "channel#email");
        List<StreamChange> batch = List.of(
                new StreamChange("400000000000000000001", List.of(new Fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, web, null, null,
                        "Late", "Minsu", "Where is it?", null))),
                new StreamChange("400000000000000000002", List.of(new Fact(Kind.RECEIVED, FeedbackIds.newId(), 0, at, day, mail, null,
                        null, "Refund", "Jisoo", "Money back?", null))),
                new StreamChange("400000000000000000003", List.of(new Fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, web, 45L,
                        null, "Late", "dana", "On its way.", null))));

        // the first cell's write goes through, the second's fails as a crash or a throttle would
        AtomicInteger cellWrites = new AtomicInteger();
        DynamoDailyFigures crashing = new DynamoDailyFigures(failing(bed.dynamo, "updateItem",
                r -> ((UpdateItemRequest) r).key().get("sk").s().startsWith("CELL#") && cellWrites.incrementAndGet() == 2), bed.table);
        assertThrows(IllegalStateException.class, () -> crashing.countInShard(SHARD, batch));
        DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);
        assertEquals(2, figures.tallies(day, day, "all").get(0).tally().received() + figures.tallies(day, day, "all").get(0).tally().answered(),
                "the web cell counted its two records");

        assertEquals(1, figures.countInShard(SHARD, batch), "the retry from the batch's first record: only the mail cell's");
        assertEquals(0, figures.countInShard(SHARD, batch.subList(1, 3)));
        Tally all = figures.tallies(day, day, "all").get(0).tally();
        assertEquals(2, all.received());
        assertEquals(1, all.answered());
        assertEquals(45L, all.maxMinutes());
        Map<String, AttributeValue> cell = bed.dynamo.getItem(g -> g.tableName(bed.table).key(Map.of(
                "pk", AttributeValue.fromS("DAY#" + day), "sk", AttributeValue.fromS("CELL#all#all|channel#web")))).item();
        assertEquals("0000000000000000000400000000000000000003", cell.get("seq:00000001763800000000-a1b2c3d4").s(),
                "the cell remembers the shard's last record counted, padded to 40 digits");
    }

    @Test
    void aCrashAfterACellCountedAndBeforeItsLargestTimeWasRaisedIsMadeGoodByTheRetry() {
        LocalDate day = LocalDate.parse("2026-11-26");
        Instant at = Instant.parse("2026-11-26T03:00:00Z");
        List<String> web = List.of("all#all", "channel#web");
        DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);
        assertEquals(1, figures.countInShard(SHARD, List.of(new StreamChange("500000000000000000001", List.of(
                new Fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, web, 30L, null, "Late", "dana", "Soon.", null))))));
        List<StreamChange> slower = List.of(new StreamChange("500000000000000000002", List.of(
                new Fact(Kind.ANSWERED, FeedbackIds.newId(), 1, at, day, web, 900L, null, "Late", "dana", "Sorry.", null))));

        DynamoDailyFigures crashing = new DynamoDailyFigures(failing(bed.dynamo, "updateItem",
                r -> "attribute_not_exists(maxMinutes) OR maxMinutes < :m".equals(((UpdateItemRequest) r).conditionExpression())),
                bed.table);
        assertThrows(IllegalStateException.class, () -> crashing.countInShard(SHARD, slower));
        assertEquals(30L, figures.tallies(day, day, "all").get(0).tally().maxMinutes(), "counted, not yet raised");

        assertEquals(0, figures.countInShard(SHARD, slower), "the retry counts nothing again");
        Tally all = figures.tallies(day, day, "all").get(0).tally();
        assertEquals(2, all.answered());
        assertEquals(900L, all.maxMinutes(), "and raises what the crash left");
    }

    private static final String SHARD = "shardId-00000001763800000000-a1b2c3d4";

    /** The client, except that the named call fails as a crash would when its request matches. */
    private static DynamoDbClient failing(DynamoDbClient real, String call, Predicate<Object> when) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && args != null && args.length == 1 && args[0] instanceof Consumer<?> c) {
                        // the builder form: made a request here, so the check below sees it (the real client's default would not)
                        @SuppressWarnings("unchecked")
                        Consumer<UpdateItemRequest.Builder> mutation = (Consumer<UpdateItemRequest.Builder>) c;
                        args = new Object[] {UpdateItemRequest.builder().applyMutation(mutation).build()};
                        method = DynamoDbClient.class.getMethod("updateItem", UpdateItemRequest.class);
                    }
                    if (method.getName().equals(call) && args != null && args.length == 1 && when.test(args[0])) {
                        throw new IllegalStateException("crashed at " + call);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
