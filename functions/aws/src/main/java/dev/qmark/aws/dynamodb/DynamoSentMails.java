package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.SentMails;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link SentMails} on the table: {@code MSG#<SES message id> / MSG} holds the item, the step and
 * the recipients. Written once after SES accepted the mail (a conditional put: the same message id
 * is the same mail); kept {@link #KEPT} for late events (complaints come days later), then expired by TTL.
 */
public final class DynamoSentMails implements SentMails {

    static final Duration KEPT = Duration.ofDays(90);
    private static final String SK = "MSG";

    private final TableWrites table;

    public DynamoSentMails(DynamoDbClient dynamo, String table) {
        this.table = new TableWrites(dynamo, table);
    }

    private static String pk(String messageId) {
        return "MSG#" + messageId;
    }

    @Override
    public void record(SentMail mail) {
        Map<String, AttributeValue> item = new HashMap<>(Item.create().s(QmarkTable.PK, pk(mail.messageId()))
                .s(QmarkTable.SK, SK).s("type", "sent-mail").s("feedbackId", mail.feedbackId()).n("step", mail.step())
                .time("sentAt", mail.sentAt()).n(QmarkTable.TTL_ATTRIBUTE, mail.sentAt().plus(KEPT).getEpochSecond())
                .build());
        if (!mail.recipients().isEmpty()) {
            item.put("recipients", AttributeValue.fromL(mail.recipients().stream().map(AttributeValue::fromS).toList()));
        }
        table.putIfAbsent(item);
    }

    @Override
    public Optional<SentMail> find(String messageId) {
        Map<String, AttributeValue> found = table.get(pk(messageId), SK);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Item item = Item.of(found);
        AttributeValue recipients = found.get("recipients");
        List<String> to = recipients == null || !recipients.hasL() ? List.of()
                : recipients.l().stream().map(AttributeValue::s).toList();
        Integer step = item.integer("step");
        return Optional.of(new SentMail(messageId, item.s("feedbackId"), step == null ? 0 : step, to, item.time("sentAt")));
    }
}
