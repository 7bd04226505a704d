package dev.qmark.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provider's message id of every mail Qmark sent → what it was about, so that a delivery event
 * (which names only the message id) finds its item and escalation.
 */
public interface SentMails {

    /**
     * @param messageId  the provider's (SES's) message id
     * @param feedbackId the item the mail was about, null for none (a notice to the founder)
     * @param step       the escalation it was about (its "?", reminder, late notice), 0 for none
     * @param recipients the addresses it went to, lower-cased
     */
    record SentMail(String messageId, String feedbackId, int step, List<String> recipients, Instant sentAt) {
        public SentMail {
            recipients = List.copyOf(recipients);
        }
    }

    /** Records a sent mail; the same message id again overwrites the same record. */
    void record(SentMail mail);

    Optional<SentMail> find(String messageId);
}
