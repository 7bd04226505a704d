package dev.qmark.mailintake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.testing.SampleEvents;
import java.util.UUID;

/** The SES receiving events the mail-intake tests invoke the handler with (the sample in events/, all verdicts PASS). */
public final class SesReceipts {

    private SesReceipts() {
    }

    /** A fresh SES message id: the S3 key of the mail and the id SES gives it. */
    public static String newMailId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The SES receiving event for one stored mail, delivered to {@code recipient}. */
    public static ObjectNode sesEvent(String mailId, String recipient) {
        ObjectNode event = SampleEvents.json("mail-intake-ses.json");
        ObjectNode ses = (ObjectNode) event.at("/Records/0/ses");
        ObjectNode mail = (ObjectNode) ses.get("mail");
        mail.put("messageId", mailId);
        mail.putArray("destination").add(recipient);
        ((ObjectNode) mail.get("commonHeaders")).putArray("to").add(recipient);
        ((ObjectNode) ses.get("receipt")).putArray("recipients").add(recipient);
        return event;
    }
}
