package dev.qmark.mailintake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.S3Event;
import dev.qmark.aws.lambda.SesEvent;
import dev.qmark.aws.s3.S3RawMailStore;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.MimeParser;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.RawMailStore;
import dev.qmark.core.ports.ReceivedMails;
import dev.qmark.core.reply.ReplyIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns receiving events into mails to apply: answers to a "?" (mail to a reply address) go to
 * {@link ReplyIntake}, everything else sent to our domain is a customer's mail. One mail's trouble never fails the others: what
 * cannot be parsed, or what SES flags as spam or virus, is kept for review (its raw MIME stays
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
    private final DigestReply digestReplies;
    private final String inboundDomain;
    private final FeedbackRepository repository;
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
               String inboundDomain, FeedbackRepository repository, ReceivedMails received, Clock clock) {
        this(store, bucket, prefix, replies, customers, null, inboundDomain, repository, received, clock);
    }

    /** @param digestReplies the founder's "? Q-…" replies to the digest; null: such mail is a customer's */
    MailIntake(RawMailStore store, String bucket, String prefix, ReplyIntake replies, CustomerMailIntake customers,
               DigestReply digestReplies, String inboundDomain, FeedbackRepository repository, ReceivedMails received,
               Clock clock) {
        this.digestReplies = digestReplies;
        this.store = store;
        this.bucket = bucket;
        this.prefix = prefix;
        this.replies = replies;
        this.customers = customers;
        this.inboundDomain = inboundDomain;
        this.repository = repository;
        this.received = received;
        this.clock = clock;
    }

    /** What became of one mail. */
    record Result(String mailId, String outcome, String feedbackId, String reason) {
    }

    /** One mail to read: where it lies, who it was delivered to, and SES's verdicts. */
    private record Delivery(String mailId, String location, List<String> recipients, String quarantineReason,
                            SenderAuthentication authentication) {
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
                    new SenderAuthentication(mail.spfPass(), mail.dkimPass()));
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
                delivery.quarantineReason(), delivery.authentication().spfPass(), delivery.authentication().dkimPass(), attempts);
    }

    private Result apply(Delivery delivery) {
        byte[] raw = store.read(delivery.location());
        InboundMail mail;
        try {
            mail = parser.parse(raw);
        } catch (RuntimeException e) {
            LOG.warn("mail {} could not be parsed; kept for review", delivery.mailId(), e);
            return keep(delivery, null, null, "could not be parsed: " + e);
        }
        if (delivery.quarantineReason() != null) {
            return keep(delivery, mail.from(), mail.subject(), delivery.quarantineReason());
        }
        if (digestReplies != null && DigestReply.addressedTo(delivery.recipients(), mail, inboundDomain)) {
            DigestReply.Outcome outcome = digestReplies.accept(mail, delivery.mailId(), delivery.location(),
                    delivery.authentication());
            LOG.info("mail {}: a reply to the digest: {} ({})", delivery.mailId(), outcome.kind(), outcome.reason());
            return new Result(delivery.mailId(), outcome.kind(), String.join(",", outcome.reasked()), outcome.reason());
        }
        if (!isReply(mail, delivery.recipients())) {
            CustomerMailIntake.Outcome outcome = customers.accept(mail, delivery.mailId(), delivery.location(),
                    delivery.authentication());
            LOG.info("mail {} from {}: {} ({})", delivery.mailId(), mail.from(), outcome.kind(), outcome.reason());
            return new Result(delivery.mailId(), outcome.kind().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.feedbackId(), outcome.reason());
        }
        ReplyIntake.Outcome outcome = replies.accept(mail, delivery.mailId(), delivery.location(), delivery.recipients(),
                delivery.authentication());
        LOG.info("mail {} from {}: {} ({})", delivery.mailId(), mail.from(), outcome.kind(), outcome.reason());
        return new Result(delivery.mailId(), outcome.kind().name().toLowerCase(java.util.Locale.ROOT),
                outcome.feedbackId(), outcome.reason());
    }

    /** Mail to a reply address (answer+...@) answers a "?"; any other address at our domain is a customer's. */
    private boolean isReply(InboundMail mail, List<String> recipients) {
        return ReplyIntake.replyToken(mail, recipients, inboundDomain).isPresent();
    }

    private Result keep(Delivery delivery, String from, String subject, String reason) {
        repository.keepForReview(new FeedbackRepository.ReviewItem(delivery.mailId(), delivery.location(), from,
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
                deliveries.add(new Delivery(mail.messageId(), S3RawMailStore.location(bucket, prefix + mail.messageId()),
                        receipt.recipients() == null ? List.of() : receipt.recipients(), quarantine(receipt),
                        receipt.authentication()));
            }
        } else if (source.equals("aws:s3")) {
            for (S3Event.Record record : Json.MAPPER.convertValue(event, S3Event.class).records()) {
                String key = record.s3().object().decodedKey();
                String mailId = key.substring(key.lastIndexOf('/') + 1);
                deliveries.add(new Delivery(mailId, S3RawMailStore.location(record.s3().bucket().name(), key),
                        List.of(), null, SenderAuthentication.UNKNOWN));
            }
        } else {
            throw new IllegalArgumentException("not an SES or S3 event: eventSource '" + source + "'");
        }
        return deliveries;
    }

    /**
     * Mail SES flags as a virus or spam is kept, never applied; so is mail whose sender SES could
     * not authenticate (DMARC failed, or both SPF and DKIM failed): its From could be anyone's.
     */
    private static String quarantine(SesEvent.Receipt receipt) {
        if (failed(receipt.virusVerdict())) {
            return "quarantined: SES virus verdict FAIL";
        }
        if (failed(receipt.spamVerdict())) {
            return "quarantined: SES spam verdict FAIL";
        }
        if (failed(receipt.dmarcVerdict())) {
            return "sender not authenticated: SES DMARC verdict FAIL";
        }
        if (failed(receipt.spfVerdict()) && failed(receipt.dkimVerdict())) {
            return "sender not authenticated: SES SPF and DKIM verdicts FAIL";
        }
        return null;
    }

    private static boolean failed(SesEvent.Verdict verdict) {
        return verdict != null && "FAIL".equalsIgnoreCase(verdict.status());
    }
}
