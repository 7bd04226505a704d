package dev.qmark.core.delivery;

import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.Suppressions;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what went wrong with a mail Qmark sent (mail-events): a bounce, complaint, rejection or
 * delay on its item's timeline, found through the mail's own tags ({@link MailTags}); an address that
 * bounced hard or complained suppressed; and a "?" (or reminder) that will never reach its owner
 * handed on at once ({@link QuestionsPassedOn}); hard bounces (per address) and rejections counted
 * ({@link Metrics#bounced}). A send or a delivery, the normal fate of every mail, touches nothing
 * (SES counts those itself). Idempotent: a redelivered event writes the same timeline entry (same
 * time, same type), suppresses the same address, and finds the escalation passed on already.
 */
public final class DeliveryEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEvents.class);

    private final FeedbackRepository repository;
    private final Suppressions suppressions;
    private final QuestionsPassedOn passedOn;
    private final Metrics metrics;

    public DeliveryEvents(FeedbackRepository repository, Suppressions suppressions, QuestionsPassedOn passedOn,
                          Metrics metrics) {
        this.repository = repository;
        this.suppressions = suppressions;
        this.passedOn = passedOn;
        this.metrics = metrics;
    }

    /** What one event changed, for the handler's answer and tests. */
    /**
     * RECORDED: on the timeline; PASSED_ON: and the question went on; UNKNOWN_MAIL: the mail names no
     * item (a notice, or sent without tags); NOT_RECORDED: a send or a delivery, nothing to keep.
     */
    public enum Outcome { RECORDED, PASSED_ON, UNKNOWN_MAIL, NOT_RECORDED }

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
        if (!event.noteworthy()) {
            return Outcome.NOT_RECORDED;
        }
        if (event.suppresses()) {
            String reason = event.type() == DeliveryEvent.Type.COMPLAINT ? "complaint" : "hard bounce";
            event.recipients().forEach(address -> suppressions.suppress(address, reason + (event.detail().isEmpty()
                    ? "" : ": " + event.detail()), event.at()));
        }
        Optional<MailTags.About> about = MailTags.about(event.tags());
        if (about.isEmpty()) {
            // a notice about no item (digest, town hall), or a mail sent before mails carried their tags: the
            // address is suppressed and the bounce counted all the same; a question whose bounce is lost
            // this way goes on at its deadline, as before delivery events existed
            String notice = MailTags.notice(event.tags()).orElse(event.tags().isEmpty() ? "untagged mail" : "no item");
            if (event.undeliverable()) {
                LOG.warn("{} event for message {} ({}) to {}: about no item", event.type(), event.messageId(), notice,
                        event.recipients());
            } else {
                LOG.info("{} event for message {} ({}): about no item", event.type(), event.messageId(), notice);
            }
            return Outcome.UNKNOWN_MAIL;
        }
        String feedbackId = about.get().feedbackId();
        int step = about.get().step();
        repository.recordEvent(feedbackId, new TimelineEvent(event.at(), event.type().timelineName(), describe(event, about.get())));
        if (event.undeliverable() && step > 0) {
            Optional<Escalation> escalation = repository.findRecord(feedbackId).flatMap(r -> r.escalation(step));
            // a bounce of the person asked (not of a cc'd address): they cannot answer, so it goes on now
            if (escalation.isPresent() && (event.type() == DeliveryEvent.Type.REJECT
                    || event.recipients().contains(escalation.get().ownerEmail().toLowerCase(Locale.ROOT)))) {
                QuestionsPassedOn.Outcome outcome = passedOn.undeliverable(feedbackId, step, event.messageId(),
                        event.type() == DeliveryEvent.Type.REJECT ? "rejected: " + event.detail() : "hard bounce: " + event.detail());
                if (outcome == QuestionsPassedOn.Outcome.PASSED_ON) {
                    return Outcome.PASSED_ON;
                }
            }
        }
        return Outcome.RECORDED;
    }

    private static String describe(DeliveryEvent event, MailTags.About about) {
        String to = String.join(", ", event.recipients());
        String what = about.step() > 0 ? "mail of " + about.feedbackId() + "-" + about.step() : "mail";
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
