package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.ReceivedMails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ReceivedMails} on the table: {@code MAIL#{messageId}} / {@code MAIL}, with
 * {@code deadlineShard = MAIL} and its next check while unfinished; finished ones keep their
 * status (so a redelivery is recognised) until TTL removes them.
 */
public final class DynamoReceivedMails implements ReceivedMails {

    /** Long past SES's and Lambda's redeliveries (6 hours at most) and our own recovery. */
    static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReceivedMails(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean begin(Pending mail, Instant firstCheck) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":pending", AttributeValue.fromS("pending"), ":shard", AttributeValue.fromS(FeedbackItems.UNFINISHED_MAIL_SHARD),
                ":next", AttributeValue.fromS(StoredTime.format(firstCheck)), ":location", AttributeValue.fromS(mail.location()),
                ":recipients", AttributeValue.fromL(mail.recipients().stream().map(AttributeValue::fromS).toList()),
                ":spf", AttributeValue.fromBool(mail.spfPass()), ":dkim", AttributeValue.fromBool(mail.dkimPass()),
                ":zero", AttributeValue.fromN("0"), ":type", AttributeValue.fromS("mail")));
        String quarantine = "";
        if (mail.quarantineReason() != null) {
            values.put(":quarantine", AttributeValue.fromS(mail.quarantineReason()));
            quarantine = ", quarantine = :quarantine";
        }
        String set = "SET #type = :type, #status = :pending, deadlineShard = :shard, "
                + "nextCheckAt = if_not_exists(nextCheckAt, :next), #location = :location, recipients = :recipients, "
                + "spfPass = :spf, dkimPass = :dkim, attempts = if_not_exists(attempts, :zero)" + quarantine;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(mail.mailId()))
                    .updateExpression(set)
                    .conditionExpression("attribute_not_exists(pk) OR #status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status", "#type", "type", "#location", "location"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException finishedBefore) {
            return false;
        }
    }

    @Override
    public void finish(String mailId, Instant at) {
        dynamo.updateItem(u -> u.tableName(table).key(key(mailId))
                .updateExpression("SET #status = :done, finishedAt = :at, " + QmarkTable.TTL_ATTRIBUTE + " = :expires "
                        + "REMOVE deadlineShard, nextCheckAt")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("done"),
                        ":at", AttributeValue.fromS(StoredTime.format(at)),
                        ":expires", AttributeValue.fromN(Long.toString(at.plus(KEEP_FINISHED).getEpochSecond())))));
    }

    @Override
    public List<Pending> due(Instant dueBy, int max) {
        return UnfinishedIndex.due(dynamo, table, FeedbackItems.UNFINISHED_MAIL_SHARD, dueBy, max).stream()
                .map(values -> {
                    Item item = Item.of(values);
                    AttributeValue recipients = values.get("recipients");
                    return new Pending(item.s("pk").substring("MAIL#".length()), item.s("location"),
                            recipients == null || !recipients.hasL() ? List.of() : recipients.l().stream().map(AttributeValue::s).toList(),
                            item.s("quarantine"), bool(values.get("spfPass")), bool(values.get("dkimPass")),
                            item.integer("attempts") == null ? 0 : item.integer("attempts"));
                }).toList();
    }

    @Override
    public boolean postpone(String mailId, Instant nextCheck, int attempts) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(mailId))
                    .updateExpression("SET nextCheckAt = :next, attempts = :attempts")
                    .conditionExpression("deadlineShard = :shard")
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(StoredTime.format(nextCheck)),
                            ":attempts", AttributeValue.fromN(Integer.toString(attempts)),
                            ":shard", AttributeValue.fromS(FeedbackItems.UNFINISHED_MAIL_SHARD))));
            return true;
        } catch (ConditionalCheckFailedException finishedMeanwhile) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String mailId) {
        return Item.key("MAIL#" + mailId, "MAIL");
    }

    private static boolean bool(AttributeValue value) {
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}
