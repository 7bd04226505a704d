package dev.qmark.aws.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of the table stream's consumer: the stream event a change of the priming
 * record would make (its item routed: old and new image, as the table stores them), which no
 * real change ever makes, because the priming record is never written. The figures function reads
 * it the whole way and counts nothing of the priming record ({@link #isPrimingRecord}). The event is
 * a tumbling window's, as the template's mapping makes them (shard, window, state).
 */
public final class PrimingStream {

    private PrimingStream() {
    }

    /** {@code routed}: the priming feedback as routed; the old image is the same, received and unrouted. */
    public static String itemRouted(Feedback routed) {
        Feedback received = new Feedback(routed.id(), routed.channel(), routed.customer(), routed.subject(), routed.message(),
                routed.rating(), routed.receivedAt(), FeedbackStatus.RECEIVED, null, routed.attachments());
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventID", "priming");
        record.put("eventName", "MODIFY");
        record.put("eventSource", "aws:dynamodb");
        ObjectNode change = record.putObject("dynamodb");
        change.set("Keys", image(Item.key(FeedbackItems.pk(routed.id()), FeedbackItems.ITEM)));
        change.set("OldImage", image(FeedbackItems.feedback(received)));
        change.set("NewImage", image(FeedbackItems.feedback(routed)));
        change.put("SequenceNumber", "0");
        change.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        // as the template's mapping hands it over: with a tumbling window, which names the shard
        ObjectNode window = event.putObject("window");
        window.put("start", "2026-01-01T00:00:00Z");
        window.put("end", "2026-01-01T00:15:00Z");
        event.putObject("state");
        event.put("shardId", "shardId-00000000000000000000-priming");
        event.put("eventSourceARN", "priming");
        event.put("isFinalInvokeForWindow", false);
        event.put("isWindowTerminatedEarly", false);
        return event.toString();
    }

    /** Whether a stream record tells of the priming record: never counted, whatever made it. */
    public static boolean isPrimingRecord(Map<String, AttributeValue> keys) {
        AttributeValue pk = keys == null ? null : keys.get(QmarkTable.PK);
        return pk != null && FeedbackItems.pk(FeedbackIds.PRIMING).equals(pk.s());
    }

    /** An item in DynamoDB's JSON, as a stream record carries it. */
    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = Json.MAPPER.createObjectNode();
        item.forEach((name, value) -> image.set(name, value(value)));
        return image;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case BOOL -> node.put("BOOL", v.bool());
            case NUL -> node.put("NULL", true);
            case L -> {
                ArrayNode list = node.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case M -> node.set("M", image(v.m()));
            case SS -> {
                ArrayNode set = node.putArray("SS");
                v.ss().forEach(set::add);
            }
            default -> throw new IllegalArgumentException("no priming image for " + v.type());
        }
        return node;
    }
}
