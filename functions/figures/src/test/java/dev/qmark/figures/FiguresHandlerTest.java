package dev.qmark.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    @Test
    void aCustomersRatingOfALetterCountsOnceAndAChangedRatingReplacesIt() {
        putItem();
        String low = rating(1, "답장이 성의가 없어요.", "2026-11-23T11:00:00.000Z", false);
        String stepNoted = rating(1, "답장이 성의가 없어요.", "2026-11-23T11:00:00.000Z", true);
        String changed = rating(3, "다시 보니 괜찮네요.", "2026-11-23T12:00:00.000Z", false);

        JsonNode given = Invoke.handler(handler, event("INSERT", null, low));
        assertEquals(0, given.path("batchItemFailures").size(), given.toString());
        Invoke.handler(handler, event("INSERT", null, low));                    // the record again
        Invoke.handler(handler, event("MODIFY", low, stepNoted));               // the founder's step noted on it
        assertEquals(1, figures.tallies(day, day, "owner").get(0).tally().ratings());
        assertEquals(1, figures.tallies(day, day, "owner").get(0).tally().lowRatings());
        List<Fact> lows = figures.ratings(day, 1, 10);
        assertEquals(1, lows.size());
        assertEquals("답장이 성의가 없어요.", lows.get(0).words());                  // the customer's comment, verbatim
        assertEquals("Minsu Kim", lows.get(0).who());

        Invoke.handler(handler, event("MODIFY", stepNoted, changed));
        Invoke.handler(handler, event("MODIFY", stepNoted, changed));           // again: counted once
        Invoke.handler(handler, event("INSERT", null, low));                    // a stale record: the 3 stands
        DayTally all = figures.tallies(day, day, "all").get(0);
        assertEquals(1, all.tally().ratings());
        assertEquals(3, all.tally().ratingSum());
        assertEquals(0, all.tally().lowRatings());
        assertTrue(figures.ratings(day, 1, 10).isEmpty());
        assertEquals("다시 보니 괜찮네요.", figures.ratings(day, 3, 10).get(0).words());
    }

    @Test
    void aRatingChangedOnAnotherDayLeavesTheFirstDayAndCountsOnItsOwn() {
        String id = "k3m9x2p7q4r8s1t5";
        List<String> groups = List.of("all#all", "owner#delivery");
        Fact monday = new Fact(Fact.Kind.RATED, id, 0x10000001, java.time.Instant.parse("2026-11-23T10:00:00Z"), day, groups,
                null, 2, "Late", "Minsu", "Slow.", "delivery");
        Fact tuesday = new Fact(Fact.Kind.RATED, id, 0x10000001, java.time.Instant.parse("2026-11-24T10:00:00Z"),
                day.plusDays(1), groups, null, 5, "Late", "Minsu", "Arrived, thank you.", "delivery");
        assertTrue(figures.countReplacing(monday));
        assertTrue(figures.countReplacing(tuesday));
        assertFalse(figures.countReplacing(tuesday));
        assertFalse(figures.countReplacing(monday), "an earlier rating never comes back");
        DayTally first = figures.tallies(day, day, "owner").get(0);
        assertEquals(0, first.tally().ratings());
        assertEquals(0, first.tally().lowRatings());
        assertTrue(figures.ratings(day, 2, 10).isEmpty());
        DayTally second = figures.tallies(day.plusDays(1), day.plusDays(1), "owner").get(0);
        assertEquals(1, second.tally().ratings());
        assertEquals(5, second.tally().ratingSum());
        assertEquals("Arrived, thank you.", figures.ratings(day.plusDays(1), 5, 10).get(0).words());
    }

    @Test
    void aBatchsChangesCountOnceEachInOneGoAndABatchHandedOverAgainCountsNothing() {
        putItem();
        String routed = SampleEvents.text("figures-dynamodb-stream.json");
        String routedRecord = routed.substring(routed.indexOf('[') + 1, routed.lastIndexOf(']'));
        String asked = """
                { "eventID": "e-asked", "eventName": "INSERT", "eventSource": "aws:dynamodb",
                  "dynamodb": { "Keys": { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "ESC#001" } },
                    "NewImage": { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "ESC#001" }, "type": { "S": "escalation" },
                      "feedbackId": { "S": "k3m9x2p7q4r8s1t5" }, "step": { "N": "1" }, "owner": { "S": "delivery" },
                      "ownerEmail": { "S": "delivery@example.com" }, "status": { "S": "open" },
                      "askedAt": { "S": "2026-11-23T10:06:00.000Z" }, "dueAt": { "S": "2026-11-23T14:05:00.000Z" } },
                    "SequenceNumber": "111100000000001234567899", "StreamViewType": "NEW_AND_OLD_IMAGES" } }
                """;
        // a mapping without a tumbling window names no shard: each change's marker makes it count once
        JsonNode first = Invoke.handler(handler, "{ \"Records\": [" + routedRecord + "," + asked + "] }");
        assertEquals(0, first.path("batchItemFailures").size(), first.toString());
        assertTrue(first.path("state").isMissingNode(), "no window, no state: " + first);
        JsonNode again = Invoke.handler(handler, "{ \"Records\": [" + asked + "," + routedRecord + "] }");
        assertEquals(0, again.path("batchItemFailures").size(), again.toString());

        DayTally owner = figures.tallies(day, day, "owner").get(0);
        assertEquals(1, owner.tally().received());
        assertEquals(1, owner.tally().asked());
        assertEquals(1, owner.tally().ratings());
        assertEquals(1, figures.ratings(day, 2, 10).size());
        assertTrue(figures.facts(day, Fact.Kind.ASKED, 10).isEmpty(), "asked is counted, never listed");
    }

    @Test
    void aShardsBatchRetriedWholeOrFromALaterRecordCountsEachRecordOnceAndAnswersWithItsState() {
        putItem();
        String routed = SampleEvents.text("figures-dynamodb-stream.json");
        String routedRecord = routed.substring(routed.indexOf('[') + 1, routed.lastIndexOf(']'));
        String asked = askedRecord("111100000000001234567899");
        String answered = """
                { "eventID": "e-answered", "eventName": "MODIFY", "eventSource": "aws:dynamodb",
                  "dynamodb": { "Keys": { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "ESC#001" } },
                    "OldImage": %s, "NewImage": %s,
                    "SequenceNumber": "111100000000001234567999", "StreamViewType": "NEW_AND_OLD_IMAGES" } }
                """.formatted(escalation("open", null), escalation("answered", "2026-11-23T10:35:00.000Z"));

        JsonNode first = Invoke.handler(handler, windowEvent(List.of(routedRecord, asked), "{\"seen\": \"1\"}", false));
        assertEquals(0, first.path("batchItemFailures").size(), first.toString());
        assertEquals("{\"seen\":\"1\"}", first.path("state").toString(), "the window's state handed back as it came");
        Invoke.handler(handler, windowEvent(List.of(routedRecord, asked), "{}", false));        // the batch again
        Invoke.handler(handler, windowEvent(List.of(asked, answered), "{}", false));            // from a later record
        JsonNode last = Invoke.handler(handler, windowEvent(List.of(), "{}", true));            // the window's last call
        assertEquals("{}", last.path("state").toString(), last.toString());
        assertEquals(0, last.path("batchItemFailures").size());

        DayTally owner = figures.tallies(day, day, "owner").get(0);
        assertEquals(1, owner.tally().received());
        assertEquals(1, owner.tally().asked());
        assertEquals(1, owner.tally().answered());
        assertEquals(30L, owner.tally().maxMinutes());
        assertEquals(1, figures.ratings(day, 2, 10).size());
        assertEquals(1, figures.facts(day, Fact.Kind.ANSWERED, 10).size());
    }

    private static String askedRecord(String sequence) {
        return """
                { "eventID": "e-asked", "eventName": "INSERT", "eventSource": "aws:dynamodb",
                  "dynamodb": { "Keys": { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "ESC#001" } },
                    "NewImage": %s, "SequenceNumber": "%s", "StreamViewType": "NEW_AND_OLD_IMAGES" } }
                """.formatted(escalation("open", null), sequence);
    }

    private static String escalation(String status, String answeredAt) {
        return """
                { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "ESC#001" }, "type": { "S": "escalation" },
                  "feedbackId": { "S": "k3m9x2p7q4r8s1t5" }, "step": { "N": "1" }, "owner": { "S": "delivery" },
                  "ownerEmail": { "S": "delivery@example.com" }, "status": { "S": "%s" }%s,
                  "askedAt": { "S": "2026-11-23T10:06:00.000Z" }, "dueAt": { "S": "2026-11-23T14:05:00.000Z" } }
                """.formatted(status, answeredAt == null ? "" : ", \"answeredAt\": { \"S\": \"" + answeredAt
                + "\" }, \"answer\": { \"S\": \"On its way.\" }, \"answeredBy\": { \"S\": \"delivery@example.com\" }");
    }

    /** A tumbling window's event, as Lambda hands it over: the shard, the window, the state handed back last. */
    private static String windowEvent(List<String> records, String state, boolean last) {
        return """
                { "Records": [%s], "shardId": "shardId-00000001763891000000-4b2c9e1a",
                  "window": { "start": "2026-11-23T10:00:00Z", "end": "2026-11-23T10:15:00Z" }, "state": %s,
                  "eventSourceARN": "arn:aws:dynamodb:eu-west-1:123456789012:table/qmark-FeedbackTable/stream/2026-11-01T00:00:00.000",
                  "isFinalInvokeForWindow": %s, "isWindowTerminatedEarly": false }
                """.formatted(String.join(",", records), state, last);
    }

    private void putItem() {
        bed.dynamo.putItem(p -> p.tableName(bed.table).item(item(
                "pk", "FB#k3m9x2p7q4r8s1t5", "sk", "ITEM", "type", "feedback", "id", "k3m9x2p7q4r8s1t5",
                "channel", "web", "customerName", "Minsu Kim", "customer", "minsu@example.org",
                "subject", "My delivery is late", "message", "배송이 일주일째 안 와요.",
                "receivedAt", "2026-11-23T10:05:00.000Z", "status", "answered", "route", "late-delivery",
                "owner", "delivery", "answerWithin", "PT4H")));
    }

    private static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return item;
    }

    private static String rating(int score, String comment, String at, boolean founderStep) {
        return """
                { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "RATING#9f86d081884c7d65" }, "type": { "S": "rating" },
                  "score": { "N": "%d" }, "comment": { "S": "%s" }, "at": { "S": "%s" }%s }
                """.formatted(score, comment, at, founderStep ? ", \"founderStep\": { \"N\": \"3\" }" : "");
    }

    private static String event(String name, String oldImage, String newImage) {
        return """
                { "Records": [ { "eventID": "e-%s", "eventName": "%s", "eventSource": "aws:dynamodb",
                  "dynamodb": { "Keys": { "pk": { "S": "FB#k3m9x2p7q4r8s1t5" }, "sk": { "S": "RATING#9f86d081884c7d65" } },
                    %s "NewImage": %s, "SequenceNumber": "2222", "StreamViewType": "NEW_AND_OLD_IMAGES" } } ] }
                """.formatted(name, name, oldImage == null ? "" : "\"OldImage\": " + oldImage + ",", newImage);
    }
}
