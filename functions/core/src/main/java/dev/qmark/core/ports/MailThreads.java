package dev.qmark.core.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * What ties mail to feedback beyond the reply tokens: the Message-IDs of mails Qmark sent (so that
 * a reply without a token still finds its item), and how many acknowledgements a sender got (so
 * that a loop or a flood gets a few, not one per mail).
 */
public interface MailThreads {

    /** Remembers that a mail Qmark sent (by its Message-ID) belongs to a feedback item, for threading replies. */
    void rememberMessage(String messageId, String feedbackId);

    /** The feedback item a mail Qmark sent belongs to, by that mail's Message-ID. */
    Optional<String> feedbackByMessageId(String messageId);

    /**
     * Takes one of {@code perHour} acknowledgements a sender may get in the hour starting at
     * {@code hour}: false when they had them all (a loop, or a flood). A conditional counter.
     */
    boolean takeAcknowledgement(String senderEmail, Instant hour, int perHour);
}
