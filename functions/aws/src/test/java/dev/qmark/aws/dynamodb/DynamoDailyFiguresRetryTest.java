package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Fact.Kind;
import dev.qmark.core.figures.Tally;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A stream record's facts are one transaction (its first fact and its cell) and plain puts of the
 * other listed facts after it: the handler failing between the two (the record is then retried)
 * neither loses nor doubles a count, and the retry lists what the failure left out.
 */
class DynamoDailyFiguresRetryTest {

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
