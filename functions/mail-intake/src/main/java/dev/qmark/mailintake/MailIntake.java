package dev.qmark.mailintake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.S3Event;
import dev.qmark.aws.lambda.SesEvent;
import dev.qmark.aws.s3.S3RawMailStore;
import dev.qmark.core.customer.CustomerRelay;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.intake.InboundMailDecision;
import dev.qmark.core.mail.ReceiptVerdicts;
import dev.qmark.core.logging.LogFields;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.MimeParser;
import dev.qmark.core.ports.RawMailStore;
import dev.qmark.core.ports.FailedMailIntakes;
import dev.qmark.core.reply.ReplyIntake;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns receiving events into mails to apply: SES's receipt becomes plain {@link ReceiptVerdicts},
 * core's {@link InboundMailDecision} says what the mail is, and this dispatches: answers to a "?"
 * to {@link ReplyIntake}, customers' mail, robots' mail and staff forwards to
 * {@link CustomerMailIntake}, the rest kept for review. One mail's trouble never fails the others:
 * what cannot be parsed, or what the decision quarantines, is kept for review (its raw MIME stays
 * in S3). Only failures that a retry can fix (AWS unreachable) fail the invocation.
 *
 * <p>Nothing is written about a mail but what applying it writes: every path is idempotent by
 * itself (SES and Lambda may deliver a mail twice, and the domain recognises a mail by message id
 * or by the state it changed: an answer finds its escalation answered, a customer's mail its
 * de-duplication key, each mail sent its claim), so a mail applied again, whole or after a crash
 * half-way, changes nothing twice. A mail whose invocation fails is tried again by Lambda (two
 * retries), then lands in mail-intake's DLQ (the on-failure destination, with the original event);
 * {@link #recover} applies it again from there, and after {@link #MAX_RECOVERIES} tries keeps it for
 * review, where people see it. Nothing accepted is lost, without a record per mail.
 */
final class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    private final RawMailStore store;
    private final String bucket;
    private final String prefix;
    private final ReplyIntake replies;
    private final CustomerMailIntake customers;
    private final InboundMailDecision decision;
    private final CustomerRelay relay;
    private final ReviewQueue review;
    private final DigestReply digestReplies;
    private final Clock clock;
    private final FailedMailIntakes failed;
    private final MimeParser parser = new MimeParser();

    /**
     * Recovery attempts of a failed invocation before its mails are kept for review instead: one a
     * run (every 5 minutes), counted by the DLQ as it hands the invocation out, so an attempt that
     * crashes mail-intake itself still counts.
     */
    static final int MAX_RECOVERIES = 5;
    /** Failed invocations per recovery run: each mail is read from S3 and applied, within the function's timeout. */
    static final int RECOVERIES_PER_RUN = 25;

    MailIntake(RawMailStore store, String bucket, String prefix, ReplyIntake replies, CustomerMailIntake customers,
               CustomerRelay relay, DigestReply digestReplies, InboundMailDecision decision, ReviewQueue review,
               FailedMailIntakes failed, Clock clock) {
        this.relay = relay;
        this.digestReplies = digestReplies;
        this.store = store;
        this.bucket = bucket;
        this.prefix = prefix;
        this.replies = replies;
        this.customers = customers;
        this.decision = decision;
        this.review = review;
        this.failed = failed;
        this.clock = clock;
    }

    /** What became of one mail. */
    record Result(String mailId, String outcome, String feedbackId, String reason) {
    }

    /** One mail to read: where it lies, who it was delivered to, and SES's verdicts (with what they quarantine). */
    private record Delivery(String mailId, String location, List<String> recipients, String quarantineReason,
                            ReceiptVerdicts verdicts) {

        static Delivery received(String mailId, String location, List<String> recipients, ReceiptVerdicts verdicts) {
            return new Delivery(mailId, location, recipients, InboundMailDecision.quarantine(verdicts).orElse(null), verdicts);
        }
    }

    List<Result> handle(JsonNode event) {
        List<Result> results = new ArrayList<>();
        for (Delivery delivery : deliveries(event)) {
            // no record of its own: a redelivery, or Lambda's retry after a crash half-way, applies the mail again and
            // the domain recognises what it did before (by message id and by the state it changed)
            results.add(apply(delivery));
        }
        return results;
    }

    /**
     * Applies again the mail of each invocation Lambda gave up on (in the DLQ, with its original
     * event; idempotent as a redelivery is); an invocation all of whose mails are applied leaves the
     * DLQ, one that fails again stays for the next run; after {@link #MAX_RECOVERIES} attempts its
     * mails are kept for review. A record without an event stays in the DLQ, whose alarm a person
     * answers.
     */
    List<Result> recover() {
        List<Result> results = new ArrayList<>();
        for (FailedMailIntakes.Failed invocation : failed.take(RECOVERIES_PER_RUN)) {
            List<Delivery> deliveries;
            try {
                if (invocation.requestPayload() == null) {
                    throw new IllegalArgumentException("not an invocation record: no requestPayload");
                }
                deliveries = deliveries(Json.MAPPER.readTree(invocation.requestPayload()));
            } catch (IOException | RuntimeException e) {
                LOG.error("a record in mail-intake's DLQ carries no event mail-intake can read; left there for a person", e);
                results.add(new Result(null, "unreadable", null, e.toString()));
                continue;
            }
            if (invocation.taken() > MAX_RECOVERIES) {
                for (Delivery delivery : deliveries) {
                    LOG.error("mail {} was not applied after {} recoveries; kept for review", delivery.mailId(), MAX_RECOVERIES);
                    results.add(keep(delivery, null, null, "not applied after " + MAX_RECOVERIES
                            + " recoveries; the raw mail is kept"));
                }
                failed.done(invocation.handle());
                continue;
            }
            try {
                List<Result> applied = new ArrayList<>();
                for (Delivery delivery : deliveries) {
                    applied.add(apply(delivery));
                    LOG.info("mail {} recovered: {}", delivery.mailId(), applied.getLast().outcome());
                }
                failed.done(invocation.handle());
                results.addAll(applied);
            } catch (RuntimeException e) {
                LOG.warn("a failed invocation failed again (recovery {} of {}); tried again at the next run",
                        invocation.taken(), MAX_RECOVERIES, e);
                results.add(new Result(deliveries.isEmpty() ? null : deliveries.getFirst().mailId(), "failed", null,
                        e.toString()));
            }
        }
        return results;
    }

    private Result apply(Delivery delivery) {
        try (LogFields fields = LogFields.receivedMail(delivery.mailId())) {
            return applyLogged(delivery);
        }
    }

    /**
     * SnapStart priming: reads {@code sesEvent} (SES receiving's event, as {@link #handle} does) and
     * {@code raw} as the mail it names, and decides what the mail is, as {@link #handle} does; applies
     * nothing, records nothing.
     */
    void prime(JsonNode sesEvent, byte[] raw) {
        InboundMail mail = parser.parse(raw);
        for (Delivery delivery : deliveries(sesEvent)) {
            decision.decide(mail, delivery.recipients(), delivery.verdicts());
        }
    }

    private Result applyLogged(Delivery delivery) {
        byte[] raw = store.read(delivery.location());
        InboundMail mail;
        try {
            mail = parser.parse(raw);
        } catch (RuntimeException e) {
            LOG.warn("mail {} could not be parsed; kept for review", delivery.mailId(), e);
            return keep(delivery, null, null, "could not be parsed: " + e);
        }
        InboundMailDecision.Decision what = delivery.quarantineReason() != null
                ? new InboundMailDecision.Quarantined(delivery.quarantineReason())
                : decision.decide(mail, delivery.recipients(), delivery.verdicts());
        return switch (what) {
            case InboundMailDecision.Quarantined q -> keep(delivery, mail.from(), mail.subject(), q.reason());
            case InboundMailDecision.KeepForReview k -> keep(delivery, mail.from(), mail.subject(), k.reason());
            case InboundMailDecision.Robot r when r.toReplyAddress() ->
                    keep(delivery, mail.from(), mail.subject(), "automatic mail (" + r.reason() + "), not an answer");
            case InboundMailDecision.Robot r ->
                    applied(delivery, mail, customers.automatic(mail, delivery.mailId(), delivery.location(), r.reason()));
            case InboundMailDecision.OwnerAway a -> applied(delivery, mail,
                    replies.away(mail, delivery.mailId(), delivery.location(), delivery.recipients()));
            case InboundMailDecision.Answer a -> applied(delivery, mail, replies.accept(mail, delivery.mailId(),
                    delivery.location(), delivery.recipients(), delivery.verdicts().authentication()));
            case InboundMailDecision.StaffForward f ->
                    applied(delivery, mail, customers.forwarded(mail, delivery.mailId(), delivery.location(), f.command()));
            case InboundMailDecision.ToCustomer t -> relayed(delivery, mail);
            case InboundMailDecision.ToDigest d -> digestReply(delivery, mail);
            case InboundMailDecision.CustomerMail c -> customerMail(delivery, mail);
        };
    }

    /** customer+<token>@: someone asked writes to the customer (issue 9): relayed, held or kept, never feedback. */
    private Result relayed(Delivery delivery, InboundMail mail) {
        CustomerRelay.Outcome outcome = relay.accept(mail, delivery.mailId(), delivery.location(), delivery.recipients());
        return applied(delivery, mail, outcome.kind().name(), outcome.feedbackId(), outcome.reason());
    }

    /** The founder's "? Q-..." reply to the digest: that item's owner is asked again. */
    private Result digestReply(Delivery delivery, InboundMail mail) {
        DigestReply.Outcome outcome = digestReplies.accept(mail, delivery.mailId(), delivery.location(),
                delivery.verdicts().authentication());
        LOG.info("mail {}: a reply to the digest: {}", delivery.mailId(), outcome.kind());
        return new Result(delivery.mailId(), outcome.kind(), String.join(",", outcome.reasked()), outcome.reason());
    }

    /** A customer's mail; the relay hears of every one taken in, so a reply to a letter reaches its writer. */
    private Result customerMail(Delivery delivery, InboundMail mail) {
        CustomerMailIntake.Outcome outcome = customers.accept(mail, delivery.mailId(), delivery.location());
        if (outcome.kind() == CustomerMailIntake.Outcome.Kind.NEW_FEEDBACK
                || outcome.kind() == CustomerMailIntake.Outcome.Kind.ADDED_TO_THREAD) {
            relay.customerMailTaken(outcome.feedbackId(), outcome.kind() == CustomerMailIntake.Outcome.Kind.NEW_FEEDBACK,
                    mail, delivery.mailId());
        }
        return applied(delivery, mail, outcome);
    }

    private Result applied(Delivery delivery, InboundMail mail, CustomerMailIntake.Outcome outcome) {
        return applied(delivery, mail, outcome.kind().name(), outcome.feedbackId(), outcome.reason());
    }

    private Result applied(Delivery delivery, InboundMail mail, ReplyIntake.Outcome outcome) {
        return applied(delivery, mail, outcome.kind().name(), outcome.feedbackId(), outcome.reason());
    }

    /**
     * What became of a mail, with its feedback id as a field. The sender's address and the reason
     * (which can quote a subject or a command) are a customer's or an owner's words: DEBUG only,
     * and the review list keeps the reason anyway.
     */
    private Result applied(Delivery delivery, InboundMail mail, String kind, String feedbackId, String reason) {
        LOG.atInfo().addKeyValue(LogFields.FEEDBACK_ID, feedbackId).log("mail handled: {}", kind);
        LOG.debug("mail from {}: {} ({})", mail.from(), kind, reason);
        return new Result(delivery.mailId(), kind.toLowerCase(Locale.ROOT), feedbackId, reason);
    }

    private Result keep(Delivery delivery, String from, String subject, String reason) {
        review.keepForReview(new ReviewQueue.ReviewItem(delivery.mailId(), delivery.location(), from,
                subject, reason, clock.instant()));
        return new Result(delivery.mailId(), "kept_for_review", null, reason);
    }

    private List<Delivery> deliveries(JsonNode event) {
        JsonNode records = event == null ? null : event.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new IllegalArgumentException("not an SES or S3 event: no Records");
        }
        String source = records.get(0).path("eventSource").asText("");
        List<Delivery> deliveries = new ArrayList<>();
        if (source.equals("aws:ses")) {
            for (SesEvent.Record record : Json.MAPPER.convertValue(event, SesEvent.class).records()) {
                SesEvent.Mail mail = record.ses().mail();
                SesEvent.Receipt receipt = record.ses().receipt();
                deliveries.add(Delivery.received(mail.messageId(), S3RawMailStore.location(bucket, prefix + mail.messageId()),
                        receipt.recipients() == null ? List.of() : receipt.recipients(), receipt.verdicts()));
            }
        } else if (source.equals("aws:s3")) {
            for (S3Event.Record record : Json.MAPPER.convertValue(event, S3Event.class).records()) {
                String key = record.s3().object().decodedKey();
                String mailId = key.substring(key.lastIndexOf('/') + 1);
                deliveries.add(Delivery.received(mailId, S3RawMailStore.location(record.s3().bucket().name(), key),
                        List.of(), ReceiptVerdicts.NONE));
            }
        } else {
            throw new IllegalArgumentException("not an SES or S3 event: eventSource '" + source + "'");
        }
        return deliveries;
    }
}
