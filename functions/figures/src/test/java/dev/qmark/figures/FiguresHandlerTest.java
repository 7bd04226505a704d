package dev.qmark.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream's sample event (an item getting its route) through the handler on DynamoDB Local:
 * counted into the founder's day once, however often the record comes.
 */
class FiguresHandlerTest {

    private final TestBed bed = TestBed.create();
    private final FiguresHandler handler = new FiguresHandler(bed.env());
    private final DynamoDailyFigures figures = new DynamoDailyFigures(bed.dynamo, bed.table);
    /** 10:05 UTC is 19:05 in Seoul, the example founder's time zone: the same day. */
    private final LocalDate day = LocalDate.parse("2026-11-23");

    @Test
    void aRoutedItemCountsAsReceivedAndRatedOnceInEachOfItsGroups() {
        String event = SampleEvents.text("figures-dynamodb-stream.json");
        JsonNode first = Invoke.handler(handler, event);
        JsonNode again = Invoke.handler(handler, event);
        assertEquals(0, first.path("batchItemFailures").size(), first.toString());
        assertEquals(0, again.path("batchItemFailures").size());

        List<DayTally> routes = figures.tallies(day, day, "route");
        assertEquals(1, routes.size(), routes.toString());
        assertEquals("late-delivery", routes.get(0).value());
        assertEquals(1, routes.get(0).tally().received());
        assertEquals(1, routes.get(0).tally().lowRatings());
        assertEquals(1, figures.tallies(day, day, "owner").get(0).tally().ratings());
        assertEquals("delivery", figures.tallies(day, day, "topic").get(0).value()); // "배송이" is "배송"

        List<Fact> low = figures.ratings(day, 2, 10);
        assertEquals(1, low.size());
        assertEquals("배송이 일주일째 안 와요.", low.get(0).words());
        assertTrue(figures.ratings(day, 5, 10).isEmpty());
    }
}
