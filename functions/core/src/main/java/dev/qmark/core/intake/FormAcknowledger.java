package dev.qmark.core.intake;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import java.time.Clock;

/**
 * Sends a web-form customer the short acknowledgement a mail customer gets, once
 * ({@link SendOnce}), when the form allowed it (the item's mark, {@link FeedbackRepository.Queued}:
 * under the address's and the client's limits, not a honeypot). The router calls it after routing,
 * off the form's request path, with the item it read to route: the form stays fast, nothing is read
 * twice, and a failed send comes back with the queue message.
 */
public final class FormAcknowledger {

    static final String NOTICE = "acknowledged";

    private final FeedbackRepository repository;
    private final SendOnce sendOnce;
    private final AcknowledgementMail mail;

    public FormAcknowledger(QmarkConfig config, FeedbackRepository repository, MailClaims claims, MailSender sender,
                            Clock clock) {
        this.repository = repository;
        this.sendOnce = new SendOnce(claims, sender, clock);
        this.mail = new AcknowledgementMail(config);
    }

    /** Acknowledges a stored web-form item if the form allowed it; true when a mail went (now or before). */
    public boolean acknowledge(String feedbackId) {
        return repository.findQueued(feedbackId).map(this::acknowledge).orElse(false);
    }

    /** As {@link #acknowledge(String)}, for the item as read from the table (its mark with it): reads nothing more. */
    public boolean acknowledge(FeedbackRepository.Queued queued) {
        Feedback item = queued.feedback();
        if (item.channel() != Channel.WEB || queued.acknowledgeIn() == null) {
            // mail customers are acknowledged by mail-intake, as their mail arrives; the form allowed none
            return false;
        }
        boolean korean = "ko".equals(queued.acknowledgeIn()) || AcknowledgementMail.Hangul.in(item.customer().name())
                || AcknowledgementMail.Hangul.in(item.message());
        sendOnce.send(new Notice.OfItem(item.id(), NOTICE), () -> mail.composeForForm(item, korean),
                at -> new TimelineEvent(at, "acknowledged", "acknowledgement sent to the customer"));
        return true;
    }
}
