package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link MailClaims} on the table. A notice's claim is two attributes, {@code notice_<name>}
 * ("sending", then "sent") and {@code noticeUntil_<name>} (the lease), on the item the mail
 * belongs to: the escalation ({@code FB#id / ESC#step}), a record of its own under the item
 * ({@code FB#id / NOTICE#key}, name "item"), or a founder's notice ({@code NOTICE#name / NOTICE},
 * name "founder").
 */
public final class DynamoMailClaims implements MailClaims {

    private final TableWrites table;

    public DynamoMailClaims(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoMailClaims(TableWrites table) {
        this.table = table;
    }

    /** Where a notice's claim lives, under which name, and whether the item must exist already. */
    private record Place(Map<String, AttributeValue> key, String name, boolean itemMustExist, String feedbackId) {
        static Place of(Notice notice) {
            return switch (notice) {
                case Notice.OfEscalation n -> new Place(Item.key(pk(n.feedbackId()), escalationSk(n.step())), n.name(),
                        true, n.feedbackId());
                // created by its first claim: a record of its own, so escalations keep their size
                case Notice.OfItem n -> new Place(Item.key(pk(n.feedbackId()), FeedbackItems.noticeSk(n.key())), "item",
                        false, n.feedbackId());
                // belongs to no feedback item
                case Notice.ToFounder n -> new Place(Item.key("NOTICE#" + n.name(), "NOTICE"), "founder", false, null);
            };
        }

        Map<String, String> names() {
            return Map.of("#state", "notice_" + name, "#until", "noticeUntil_" + name);
        }
    }

    @Override
    public Claim claim(Notice notice, Instant now, Duration lease) {
        Place place = Place.of(notice);
        String free = "(attribute_not_exists(#state) OR (#state = :sending AND #until < :now))";
        Map<String, AttributeValue> values = values(":sending", "sending", ":until", StoredTime.format(now.plus(lease)),
                ":now", StoredTime.format(now));
        Map<String, String> names = new java.util.HashMap<>(place.names());
        String set = "SET #state = :sending, #until = :until";
        if (notice instanceof Notice.ToFounder) {
            set += ", #type = :notice";
            names.put("#type", "type");
            values.put(":notice", AttributeValue.fromS("notice"));
        }
        String update = set;
        boolean claimed = table.update(u -> u.key(place.key()).updateExpression(update)
                .conditionExpression(place.itemMustExist() ? "attribute_exists(pk) AND " + free : free)
                .expressionAttributeNames(names).expressionAttributeValues(values));
        if (claimed) {
            return Claim.CLAIMED;
        }
        String state = Item.of(table.get(place.key().get(QmarkTable.PK).s(), place.key().get(QmarkTable.SK).s()))
                .s("notice_" + place.name());
        return "sending".equals(state) ? Claim.BUSY : Claim.ALREADY_SENT;
    }

    @Override
    public void markSent(Notice notice, Instant at, TimelineEvent event) {
        Place place = Place.of(notice);
        // an escalation's notice keeps no time of its own: its timeline event says when
        boolean keepsTime = !(notice instanceof Notice.OfEscalation);
        Map<String, AttributeValue> values = values(":sent", "sent", ":sending", "sending");
        if (keepsTime) {
            values.put(":at", AttributeValue.fromS(StoredTime.format(at)));
        }
        String expression = "SET #state = :sent" + (keepsTime ? ", sentAt = :at" : "") + " REMOVE #until";
        // false: another attempt whose lease ran out sent it too and marked it first
        if (event == null || place.feedbackId() == null) {
            table.update(u -> u.key(place.key()).updateExpression(expression).conditionExpression("#state = :sending")
                    .expressionAttributeNames(place.names()).expressionAttributeValues(values));
            return;
        }
        Update update = Update.builder().tableName(table.table()).key(place.key())
                .updateExpression(expression)
                .conditionExpression("#state = :sending")
                .expressionAttributeNames(place.names())
                .expressionAttributeValues(values)
                .build();
        table.transact(TransactWriteItem.builder().update(update).build(), table.putEvent(place.feedbackId(), event));
    }
}
