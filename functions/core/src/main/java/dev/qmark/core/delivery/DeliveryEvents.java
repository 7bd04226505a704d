package dev.qmark.core.delivery;

import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.SentMails;
import dev.qmark.core.ports.Suppressions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of each mail Qmark sent (mail-events): every event on its item's timeline,
 * keyed by the provider's message id; an address that bounced hard or complained suppressed; and
 * a "?" (or reminder) that will never reach its owner handed on at once ({@link QuestionsPassedOn});
 * hard bounces (per address) and rejections counted ({@link Metrics#bounced}).
 * Idempotent: a redelivered event writes the same timeline entry (same time, same type), suppresses
 * the same address, and finds the escalation passed on already.
 */
public final class DeliveryEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEvents.class);

    private final FeedbackRepository repository;
    private final SentMails sentMails;
    private final Suppressions suppressions;
    private final QuestionsPassedOn passedOn;
    private final Metrics metrics;

    public DeliveryEvents(FeedbackRepository repository, SentMails sentMails, Suppressions suppressions,
                          QuestionsPassedOn passedOn, Metrics metrics) {
        this.repository = repository;
        this.sentMails = sentMails;
        this.suppressions = suppressions;
        this.passedOn = passedOn;
        this.metrics = metrics;
    }

    /** What one event changed, for the handler's answer and tests. */
    public enum Outcome { RECORDED, PASSED_ON, UNKNOWN_MAIL }

    /**
     * @throws dev.qmark.core.sending.TryAgainLater when the event outran the mail's own bookkeeping
     *         (the "?" is not marked sent yet): the invocation fails and is retried
     */
    public Outcome handle(DeliveryEvent event) {
        Outcome outcome = record(event);
        // counted once the event is handled, so an invocation retried after a failure (TryAgainLater)
        // counts its bounce once; a mail about no item that bounced counts too
        if (event.undeliverable()) {
            metrics.bounced(event.type() == DeliveryEvent.Type.REJECT ? 1 : Math.max(1, event.recipients().size()));
        }
        return outcome;
    }

    private Outcome record(DeliveryEvent event) {
        if (event.suppresses()) {
            String reason = event.type() == DeliveryEvent.Type.COMPLAINT ? "complaint" : "hard bounce";
            event.recipients().forEach(address -> suppressions.suppress(address, reason + (event.detail().isEmpty()
                    ? "" : ": " + event.detail()), event.at()));
        }
        Optional<SentMails.SentMail> sent = sentMails.find(event.messageId());
        if (sent.isEmpty() || sent.get().feedbackId() == null) {
            // a mail about no item (the founder's configuration notice), or sent before mails were recorded
            LOG.info("{} event for message {}, which is about no item", event.type(), event.messageId());
            return Outcome.UNKNOWN_MAIL;
        }
        String feedbackId = sent.get().feedbackId();
        repository.recordEvent(feedbackId, new TimelineEvent(event.at(), event.type().timelineName(), describe(event, sent.get())));
        if (event.undeliverable() && sent.get().step() > 0) {
            Optional<Escalation> escalation = repository.findRecord(feedbackId).flatMap(r -> r.escalation(sent.get().step()));
            // a bounce of the person asked (not of a cc'd address): they cannot answer, so it goes on now
            if (escalation.isPresent() && (event.type() == DeliveryEvent.Type.REJECT
                    || event.recipients().contains(escalation.get().ownerEmail().toLowerCase(java.util.Locale.ROOT)))) {
                QuestionsPassedOn.Outcome outcome = passedOn.undeliverable(feedbackId, sent.get().step(), event.messageId(),
                        event.type() == DeliveryEvent.Type.REJECT ? "rejected: " + event.detail() : "hard bounce: " + event.detail());
                if (outcome == QuestionsPassedOn.Outcome.PASSED_ON) {
                    return Outcome.PASSED_ON;
                }
            }
        }
        return Outcome.RECORDED;
    }

    private static String describe(DeliveryEvent event, SentMails.SentMail sent) {
        String to = String.join(", ", event.recipients().isEmpty() ? sent.recipients() : event.recipients());
        String what = sent.step() > 0 ? "mail of " + sent.feedbackId() + "-" + sent.step() : "mail";
        String detail = event.detail().isEmpty() ? "" : " (" + event.detail() + ")";
        return switch (event.type()) {
            case SEND -> what + " accepted by SES for " + to;
            case DELIVERY -> what + " delivered to " + to;
            case BOUNCE -> what + (event.permanent() ? " bounced hard from " : " bounced (soft) from ") + to + detail;
            case COMPLAINT -> to + " marked the " + what + " as spam" + detail + "; no more mail goes there";
            case REJECT -> what + " rejected by SES" + detail;
            case DELIVERY_DELAY -> what + " delayed for " + to + detail;
            case OTHER -> what + ": " + event.detail();
        } + " [" + event.messageId() + "]";
    }
}
