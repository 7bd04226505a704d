package dev.qmark.aws.snapstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.core.config.Owner;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import java.time.Duration;
import java.time.Instant;

/**
 * What SnapStart priming works on: the priming record's id, {@link FeedbackIds#PRIMING} (the one the
 * sample events in {@code events/} name; no random id is ever it), so reading it goes the whole way
 * through the SDK and our item mapping and finds nothing, and sample values for composing mails
 * that are never sent. Nothing here is written anywhere (SnapStartPrimingTest checks the table
 * stays empty), so no listing, sweep or recovery can see it.
 */
public final class Priming {

    /** Read, never written: a GetItem/Query of this id answers "not found". */
    private static final String FEEDBACK_ID = FeedbackIds.PRIMING;

    private Priming() {
    }

    /** A feedback as a customer's post makes it; fixed text, fixed time (no clock is read into a snapshot). */
    public static Feedback sampleFeedback() {
        return new Feedback(FEEDBACK_ID, Channel.WEB, new Customer("Priming", "priming@example.invalid"),
                "Priming", "Composed while a snapshot is prepared; never sent.", 3,
                Instant.EPOCH, FeedbackStatus.ROUTED, null);
    }

    /** The first step of the sample feedback, asked of {@code owner}. */
    public static Escalation sampleEscalation(Owner owner) {
        return new Escalation(FEEDBACK_ID, 1, owner.alias(), owner.email(), EscalationStatus.OPEN, Instant.EPOCH,
                Instant.EPOCH.plus(Duration.ofHours(4)), null, null, null);
    }

    /**
     * The write paths, without a write: a transaction and an update whose conditions fail, because
     * nothing is stored under the priming id (markLate wants an open escalation, finishBreach a
     * late one). DynamoDB cancels both; the SDK's request and error paths are loaded and run.
     */
    public static void conditionalWrites(Escalations escalations) {
        // as the sweeper read it: open, due at EPOCH + 4h; nothing is stored, so the condition fails
        Escalation seen = new Escalation(FEEDBACK_ID, 1, "priming", "priming@invalid", EscalationStatus.OPEN, Instant.EPOCH,
                Instant.EPOCH.plus(Duration.ofHours(4)), null, null, null);
        escalations.markLate(seen, Instant.EPOCH.plus(Duration.ofHours(4)), new TimelineEvent(Instant.EPOCH, "priming", "never written"));
        escalations.finishBreach(FEEDBACK_ID, 1);
    }

    /** An API Gateway HTTP API (payload 2.0) event, as the function would get it. */
    public static String httpEvent(String method, String path, String contentType, String body) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", contentType).put("accept", "*/*");
        ObjectNode http = event.putObject("requestContext").putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("sourceIp", "127.0.0.1");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** An SQS event with no records: the event path's JSON, and nothing handled. */
    public static final String EMPTY_SQS_EVENT = "{\"Records\":[]}";
}
