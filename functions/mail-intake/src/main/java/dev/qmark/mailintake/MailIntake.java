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
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.ports.RawMailStore;
import dev.qmark.core.ports.ReceivedMails;
import dev.qmark.core.reply.ReplyIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Each mail is on the {@link ReceivedMails} list from the moment its handling starts until it
 * is applied or kept for review (a redelivery of a finished mail does not put it back: SES and
 * Lambda may deliver twice, and the domain recognises a mail by message id). {@link #recover}
 * hands what stayed unfinished (a crash, retries used up)
 * over again, and after {@link #MAX_RECOVERIES} tries keeps it for review, where people see it.
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
    private final ReceivedMails received;
    private final MimeParser parser = new MimeParser();

    /** Lambda's own retries of an asynchronous invocation are over within minutes; then recovery looks. */
    static final Duration FIRST_CHECK = Duration.ofMinutes(10);
    /** Between recovery attempts of one mail, times the attempts so far. */
    static final Duration CHECK_AGAIN = Duration.ofMinutes(10);
    /** Recovery attempts before a mail is kept for review instead. */
    static final int MAX_RECOVERIES = 5;
    /** Mails per recovery run: each is read from S3 and applied, within the function's timeout. */
    static final int RECOVERIES_PER_RUN = 25;

    MailIntake(RawMailStore store, String bucket, String prefix, ReplyIntake replies, CustomerMailIntake customers,
               CustomerRelay relay, DigestReply digestReplies, InboundMailDecision decision, ReviewQueue review,
               ReceivedMails received, Clock clock) {
        this.relay = relay;
        this.digestReplies = digestReplies;
        this.store = store;
        this.bucket = bucket;
        this.prefix = prefix;
        this.replies = replies;
        this.customers = customers;
        this.decision = decision;
        this.review = review;
        this.received = received;
        this.clock = clock;
    }

    /** What became of one mail. */
    record Result(String mailId, String outcome, String feedbackId, String reason) {
    }

    /**
     * One mail to read: where it lies, who it was delivered to, and SES's verdicts. A mail handed over
     * again by recovery has only what its pending entry kept: the quarantine reason and SPF/DKIM.
     */
    private record Delivery(String mailId, String location, List<String> recipients, String quarantineReason,
                            ReceiptVerdicts verdicts) {

        static Delivery received(String mailId, String location, List<String> recipients, ReceiptVerdicts verdicts) {
            return new Delivery(mailId, location, recipients, InboundMailDecision.quarantine(verdicts).orElse(null), verdicts);
        }
    }

    List<Result> handle(JsonNode event) {
        List<Result> results = new ArrayList<>();
        for (Delivery delivery : deliveries(event)) {
            // on the unfinished list until applied; a redelivery of a finished mail does not put it back, and
            // is applied as before: the domain recognises it by message id and says what became of it
            received.begin(pending(delivery, 0), clock.instant().plus(FIRST_CHECK));
            Result result = apply(delivery);
            received.finish(delivery.mailId(), clock.instant());
            results.add(result);
        }
        return results;
    }

    /**
     * Hands received mail that mail-intake started but never finished over again (idempotent by
     * message id, as a redelivery is); after {@link #MAX_RECOVERIES} attempts it is kept for review.
     *
     * @param dueBy the schedule passes now; the local system at start-up a time far ahead
     */
    List<Result> recover(Instant dueBy) {
        List<Result> results = new ArrayList<>();
        for (ReceivedMails.Pending mail : received.due(dueBy, RECOVERIES_PER_RUN)) {
            Instant now = clock.instant();
            Delivery delivery = new Delivery(mail.mailId(), mail.location(), mail.recipients(), mail.quarantineReason(),
                    ReceiptVerdicts.authenticated(new SenderAuthentication(mail.spfPass(), mail.dkimPass())));
            if (mail.attempts() >= MAX_RECOVERIES) {
                LOG.error("mail {} was not applied after {} recoveries; kept for review", mail.mailId(), mail.attempts());
                results.add(keep(delivery, null, null, "not applied after " + mail.attempts() + " recoveries; the raw mail is kept"));
                received.finish(mail.mailId(), now);
                continue;
            }
            // counted before the attempt, so a mail that crashes mail-intake still runs out of attempts
            if (!received.postpone(mail.mailId(), now.plus(CHECK_AGAIN.multipliedBy(mail.attempts() + 1L)), mail.attempts() + 1)) {
                continue; // finished meanwhile
            }
            try {
                Result result = apply(delivery);
                received.finish(mail.mailId(), clock.instant());
                LOG.info("mail {} recovered: {}", mail.mailId(), result.outcome());
                results.add(result);
            } catch (RuntimeException e) {
                LOG.warn("mail {} failed again (recovery {} of {}); tried again later", mail.mailId(), mail.attempts() + 1,
                        MAX_RECOVERIES, e);
                results.add(new Result(mail.mailId(), "failed", null, e.toString()));
            }
        }
        return results;
    }

    private static ReceivedMails.Pending pending(Delivery delivery, int attempts) {
        return new ReceivedMails.Pending(delivery.mailId(), delivery.location(), delivery.recipients(),
                delivery.quarantineReason(), delivery.verdicts().authentication().spfPass(),
                delivery.verdicts().authentication().dkimPass(), attempts);
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
