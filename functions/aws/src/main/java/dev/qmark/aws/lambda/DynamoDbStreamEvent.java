package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The event a DynamoDB stream event source mapping hands to Lambda: records with the item's keys
 * and its old and new images in DynamoDB's JSON ({@code {"S": "…"}}, {@code {"N": "1"}}, …).
 *
 * <p>A mapping with a tumbling window ({@code TumblingWindowInSeconds}) adds the shard the records
 * came through ({@code shardId}: only then does the event name it), the window, the state the
 * function handed back last in it, and whether this is the window's last invocation (which may
 * carry no records); the answer must then carry a {@code state} ({@link StreamBatchResponse}). See
 * the Lambda developer guide, "Implementing stateful DynamoDB stream processing in Lambda"
 * (services-ddb-windows).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DynamoDbStreamEvent(@JsonProperty("Records") List<StreamRecord> records,
                                  @JsonProperty("shardId") String shardId,
                                  @JsonProperty("window") Window window,
                                  @JsonProperty("state") JsonNode state,
                                  @JsonProperty("isFinalInvokeForWindow") Boolean finalInvokeForWindow,
                                  @JsonProperty("isWindowTerminatedEarly") Boolean windowTerminatedEarly) {

    public DynamoDbStreamEvent {
        records = records == null ? List.of() : List.copyOf(records);
        shardId = shardId == null || shardId.isBlank() ? null : shardId;
    }

    /** An event of a mapping without a tumbling window: records only. */
    public DynamoDbStreamEvent(List<StreamRecord> records) {
        this(records, null, null, null, null, null);
    }

    /** Whether the mapping has a tumbling window: then the answer must carry a state. */
    public boolean inWindow() {
        return window != null || shardId != null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(String start, String end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamRecord(String eventID, String eventName, Change dynamodb) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(@JsonProperty("Keys") JsonNode keys, @JsonProperty("NewImage") JsonNode newImage,
                         @JsonProperty("OldImage") JsonNode oldImage,
                         @JsonProperty("SequenceNumber") String sequenceNumber) {

        public Map<String, AttributeValue> newItem() {
            return item(newImage);
        }

        public Map<String, AttributeValue> oldItem() {
            return item(oldImage);
        }
    }

    /** An image as the SDK's attribute values; null when the record has none (an insert has no old image). */
    public static Map<String, AttributeValue> item(JsonNode image) {
        if (image == null || image.isNull() || image.isMissingNode()) {
            return null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.properties().forEach(e -> item.put(e.getKey(), value(e.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode v) {
        if (v.has("S")) {
            return AttributeValue.fromS(v.get("S").asText());
        }
        if (v.has("N")) {
            return AttributeValue.fromN(v.get("N").asText());
        }
        if (v.has("BOOL")) {
            return AttributeValue.fromBool(v.get("BOOL").asBoolean());
        }
        if (v.has("NULL")) {
            return AttributeValue.fromNul(true);
        }
        if (v.has("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("B").asText())));
        }
        if (v.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            v.get("L").forEach(e -> list.add(value(e)));
            return AttributeValue.fromL(list);
        }
        if (v.has("M")) {
            return AttributeValue.fromM(item(v.get("M")));
        }
        if (v.has("SS")) {
            List<String> set = new ArrayList<>();
            v.get("SS").forEach(e -> set.add(e.asText()));
            return AttributeValue.fromSs(set);
        }
        if (v.has("NS")) {
            List<String> set = new ArrayList<>();
            v.get("NS").forEach(e -> set.add(e.asText()));
            return AttributeValue.fromNs(set);
        }
        throw new IllegalArgumentException("an attribute value of a kind Qmark never writes: " + v.fieldNames().next());
    }

    /** The other way, for the local system's stream poller: an SDK item as the event's JSON image. */
    public static Map<String, Object> json(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        item.forEach((name, value) -> json.put(name, json(value)));
        return json;
    }

    private static Map<String, Object> json(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case B -> Map.of("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case L -> Map.of("L", v.l().stream().map(DynamoDbStreamEvent::json).toList());
            case M -> Map.of("M", json(v.m()));
            case SS -> Map.of("SS", v.ss());
            case NS -> Map.of("NS", v.ns());
            default -> throw new IllegalArgumentException("an attribute value of a kind Qmark never writes: " + v.type());
        };
    }
}
