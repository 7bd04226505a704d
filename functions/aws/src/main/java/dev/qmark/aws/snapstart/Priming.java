package dev.qmark.aws.snapstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.Metrics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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

    /**
     * The sample feedback routed by the configuration's first route, to its owner, as its first "?"
     * records it: ASKED with its route (the router only decides; the escalator's write records both).
     */
    public static Feedback sampleRouted(QmarkConfig config) {
        Feedback sample = sampleFeedback();
        var first = config.routes().isEmpty() ? null : config.routes().get(0);
        Duration within = first == null ? Duration.ofHours(4) : first.answerWithin();
        RouteDecision decision = new RouteDecision(first == null ? "priming" : first.name(),
                first == null ? config.founder().alias() : first.owner(), within, Instant.EPOCH.plus(within), Instant.EPOCH);
        return new Feedback(sample.id(), sample.channel(), sample.customer(), sample.subject(), sample.message(),
                sample.rating(), sample.receivedAt(), FeedbackStatus.ASKED, decision, List.of());
    }

    /** The router's message for the sample feedback: its first step, carrying the route decided ({@link #sampleRouted}). */
    public static EscalationRequest sampleRequest(QmarkConfig config) {
        RouteDecision decision = sampleRouted(config).route();
        return EscalationRequest.firstAsk(FEEDBACK_ID, decision.owner(), decision);
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

    /**
     * Metrics written nowhere: the EMF line a real event writes, composed and thrown away, so its
     * classes load without a figure reaching CloudWatch.
     */
    public static Metrics metricsToNowhere() {
        return new EmfMetrics(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * What a customer's valid post becomes before it is stored: the submission, its keys (hashes);
     * the id generator's class is loaded and checked, but no id drawn: its SecureRandom seeds itself
     * at the first draw, after the restore, so no two restored containers share a sequence.
     */
    public static Submission sampleSubmission() {
        if (!FeedbackIds.isWellFormed(FEEDBACK_ID)) {
            throw new IllegalStateException("the priming id is no feedback id");
        }
        Feedback sample = sampleFeedback();
        Submission submission = new Submission(sample.customer().name(), sample.customer().email(), sample.subject(),
                sample.message(), sample.rating(), "priming");
        submission.dedupeKey();
        submission.contentFingerprint();
        return submission;
    }

    /**
     * SES receiving's event for a mail to {@code recipient} whose message id is the priming record's
     * (nothing is stored under it in S3 or the table), every verdict PASS: for reading, not handling.
     */
    public static String sesReceiptEvent(String from, String recipient) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        ObjectNode ses = record.putObject("ses");
        ObjectNode mail = ses.putObject("mail");
        mail.put("timestamp", Instant.EPOCH.toString());
        mail.put("source", from);
        mail.put("messageId", FEEDBACK_ID);
        mail.putArray("destination").add(recipient);
        mail.put("headersTruncated", false);
        mail.putArray("headers").addObject().put("name", "From").put("value", from);
        mail.putObject("commonHeaders").put("returnPath", from).put("subject", "Priming").putArray("from").add(from);
        ObjectNode receipt = ses.putObject("receipt");
        receipt.put("timestamp", Instant.EPOCH.toString());
        receipt.put("processingTimeMillis", 1);
        receipt.putArray("recipients").add(recipient);
        for (String verdict : new String[] {"spamVerdict", "virusVerdict", "spfVerdict", "dkimVerdict", "dmarcVerdict"}) {
            receipt.putObject(verdict).put("status", "PASS");
        }
        receipt.putObject("action").put("type", "Lambda").put("invocationType", "Event");
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /**
     * SES's event (as EventBridge delivers it to mail-events) that a mail with the priming record's
     * message id, which Qmark never sent, was {@code Delivered} or {@code Bounced} (hard) at
     * {@code recipient}: read as a real one is; only a handled bounce would suppress the address.
     */
    public static String sesMailEvent(String eventType, String recipient) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", FEEDBACK_ID);
        event.put("detail-type", "Bounce".equals(eventType) ? "Email Bounced" : "Email Delivered");
        event.put("source", "aws.ses");
        event.put("time", Instant.EPOCH.toString());
        ObjectNode detail = event.putObject("detail");
        detail.put("eventType", eventType);
        ObjectNode mail = detail.putObject("mail");
        mail.put("timestamp", Instant.EPOCH.toString());
        mail.put("source", "priming@example.invalid");
        mail.put("messageId", FEEDBACK_ID);
        mail.putArray("destination").add(recipient);
        if ("Bounce".equals(eventType)) {
            ObjectNode bounce = detail.putObject("bounce");
            bounce.put("bounceType", "Permanent");
            bounce.put("bounceSubType", "General");
            bounce.put("timestamp", Instant.EPOCH.toString());
            bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient).put("action", "failed")
                    .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 priming");
        } else {
            detail.putObject("delivery").put("timestamp", Instant.EPOCH.toString()).putArray("recipients").add(recipient);
        }
        return event.toString();
    }

    /** An SQS event with no records: the event path's JSON, and nothing handled. */
    public static final String EMPTY_SQS_EVENT = "{\"Records\":[]}";
}
