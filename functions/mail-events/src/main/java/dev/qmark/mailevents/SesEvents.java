package dev.qmark.mailevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.core.delivery.DeliveryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SES's event records as they reach mail-events: from EventBridge (the configuration set's event
 * destination; {@code detail} is the record) or from SNS ({@code Records[].Sns.Message} is the record
 * as JSON text). A record is SES's event-publishing JSON: {@code eventType} ("Bounce", "Complaint",
 * "Delivery", "Send", "Reject", "DeliveryDelay", ...), {@code mail.messageId}, {@code mail.destination},
 * {@code mail.tags} (name → [values]: the message tags the mail was sent with, and SES's own
 * {@code ses:*} ones), and one object named after the type with its recipients and timestamp.
 */
final class SesEvents {

    private SesEvents() {
    }

    /** The SES records an invocation carries: one from EventBridge, one per SNS record. */
    static List<JsonNode> records(JsonNode invocation) {
        List<JsonNode> records = new ArrayList<>();
        if (invocation.has("detail")) {
            records.add(invocation.get("detail"));
        } else if (invocation.has("Records")) {
            for (JsonNode record : invocation.get("Records")) {
                try {
                    records.add(Json.MAPPER.readTree(record.path("Sns").path("Message").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException("an SNS record's Message is not JSON", e);
                }
            }
        } else if (invocation.has("eventType") || invocation.has("notificationType")) {
            records.add(invocation);
        }
        return records;
    }

    static DeliveryEvent read(JsonNode record) {
        String eventType = record.path(record.has("eventType") ? "eventType" : "notificationType").asText("");
        JsonNode mail = record.path("mail");
        String messageId = mail.path("messageId").asText(null);
        Instant mailTime = time(mail.path("timestamp"), Instant.EPOCH);
        Map<String, List<String>> tags = tags(mail.path("tags"));
        return switch (eventType) {
            case "Bounce" -> {
                JsonNode bounce = record.path("bounce");
                String subType = bounce.path("bounceSubType").asText("");
                String diagnostic = bounce.path("bouncedRecipients").path(0).path("diagnosticCode").asText("");
                yield new DeliveryEvent(DeliveryEvent.Type.BOUNCE, messageId, time(bounce.path("timestamp"), mailTime),
                        addresses(bounce.path("bouncedRecipients")), "Permanent".equals(bounce.path("bounceType").asText()),
                        bounce.path("bounceType").asText("") + "/" + subType + (diagnostic.isEmpty() ? "" : ": " + diagnostic), tags);
            }
            case "Complaint" -> {
                JsonNode complaint = record.path("complaint");
                yield new DeliveryEvent(DeliveryEvent.Type.COMPLAINT, messageId, time(complaint.path("timestamp"), mailTime),
                        addresses(complaint.path("complainedRecipients")), false,
                        complaint.path("complaintFeedbackType").asText(""), tags);
            }
            case "Delivery" -> {
                JsonNode delivery = record.path("delivery");
                yield new DeliveryEvent(DeliveryEvent.Type.DELIVERY, messageId, time(delivery.path("timestamp"), mailTime),
                        texts(delivery.path("recipients")), false, "", tags);
            }
            case "Send" -> new DeliveryEvent(DeliveryEvent.Type.SEND, messageId, mailTime, texts(mail.path("destination")),
                    false, "", tags);
            case "Reject" -> new DeliveryEvent(DeliveryEvent.Type.REJECT, messageId, mailTime, texts(mail.path("destination")),
                    false, record.path("reject").path("reason").asText(""), tags);
            case "DeliveryDelay" -> {
                JsonNode delay = record.path("deliveryDelay");
                yield new DeliveryEvent(DeliveryEvent.Type.DELIVERY_DELAY, messageId, time(delay.path("timestamp"), mailTime),
                        addresses(delay.path("delayedRecipients")), false, delay.path("delayType").asText(""), tags);
            }
            default -> new DeliveryEvent(DeliveryEvent.Type.OTHER, messageId, mailTime, List.of(), false, eventType, tags);
        };
    }

    /** {@code mail.tags}: each tag's values (SES gives a list per name); absent for a mail sent without tags. */
    private static Map<String, List<String>> tags(JsonNode tags) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        tags.properties().forEach(tag -> byName.put(tag.getKey(),
                tag.getValue().isArray() ? texts(tag.getValue()) : List.of(tag.getValue().asText())));
        return byName;
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode recipient : recipients) {
            String address = recipient.path("emailAddress").asText("");
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    private static Instant time(JsonNode value, Instant fallback) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
