package dev.qmark.local;

import dev.qmark.emulators.MailDelivery;
import dev.qmark.emulators.OutboxMail;
import java.util.List;
import java.util.Map;

/**
 * The AWS the local system runs on: the embedded stand-ins ({@link EmbeddedLocalAws}) or an
 * AWS-compatible endpoint someone else wrote and runs, moto or LocalStack ({@link EndpointLocalAws}).
 * Everything else — the functions, the glue playing API Gateway, SQS event source mappings, SES
 * receiving and schedules, the pages — is the same on both; the functions only see SDK endpoints.
 */
interface LocalAws extends AutoCloseable {

    /** System properties that point SDK clients built with defaults (as the handlers build theirs) here. */
    Map<String, String> sdkSystemProperties();

    /** Every mail this AWS's SES accepted so far, oldest first, read back from the raw MIME. */
    List<OutboxMail> sentMail();

    /** The local SMTP port where mail "arrives at SES receiving". */
    int smtpPort();

    /** Where mail received over SMTP goes: the glue that plays SES receiving. */
    void setMailDelivery(MailDelivery delivery);

    /**
     * Where the events SES publishes for mail sent with a configuration set go (EventBridge JSON):
     * the embedded stand-in plays SES's mailbox simulator; another endpoint publishes nothing here.
     */
    default void setMailEvents(java.util.function.Consumer<String> events) {
    }

    /** For the ready line and logs: "embedded" or the endpoint. */
    String describe();

    @Override
    void close();
}
