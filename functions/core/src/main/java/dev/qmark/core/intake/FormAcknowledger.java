package dev.qmark.core.intake;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.FormAcknowledgements;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends a web-form customer the short acknowledgement a mail customer gets, once
 * ({@link SendOnce}), when the form allowed it ({@link FormAcknowledgements#allowed}: under the
 * address's and the client's limits, not a honeypot). The router calls it after routing, off the
 * form's request path: the form stays fast, and a failed send comes back with the queue message.
 */
public final class FormAcknowledger {

    static final String NOTICE = "acknowledged";

    private final FeedbackRepository repository;
    private final FormAcknowledgements acknowledgements;
    private final SendOnce sendOnce;
    private final AcknowledgementMail mail;

    public FormAcknowledger(QmarkConfig config, FeedbackRepository repository, MailClaims claims,
                            FormAcknowledgements acknowledgements,
                            MailSender sender, Clock clock) {
        this.repository = repository;
        this.acknowledgements = acknowledgements;
        this.sendOnce = new SendOnce(claims, sender, clock);
        this.mail = new AcknowledgementMail(config);
    }

    /** Acknowledges a stored web-form item if the form allowed it; true when a mail went (now or before). */
    public boolean acknowledge(String feedbackId) {
        Optional<Feedback> feedback = repository.find(feedbackId);
        if (feedback.isEmpty() || feedback.get().channel() != Channel.WEB) {
            return false;  // mail customers are acknowledged by mail-intake, as their mail arrives
        }
        Optional<String> language = acknowledgements.allowed(feedbackId);
        if (language.isEmpty()) {
            return false;
        }
        Feedback item = feedback.get();
        boolean korean = "ko".equals(language.get()) || AcknowledgementMail.Hangul.in(item.customer().name())
                || AcknowledgementMail.Hangul.in(item.message());
        sendOnce.send(new Notice.OfItem(feedbackId, NOTICE), () -> mail.composeForForm(item, korean),
                at -> new TimelineEvent(at, "acknowledged", "acknowledgement sent to the customer"));
        return true;
    }
}
