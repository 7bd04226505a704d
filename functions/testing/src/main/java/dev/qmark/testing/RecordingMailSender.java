package dev.qmark.testing;

import dev.qmark.core.ports.MailSender;
import dev.qmark.mail.OutgoingMail;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MailSender} that keeps what it was given, so a test can say "sent once" by counting. It
 * can be told to fail, for the paths where a send throws (the claim must be left to expire).
 */
public final class RecordingMailSender implements MailSender {

    private final List<OutgoingMail> sent = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized String send(OutgoingMail mail) {
        if (failure != null) {
            throw failure;
        }
        sent.add(mail);
        return "in-memory-" + sent.size();
    }

    /** Every later send throws {@code failure} (null: sends succeed again). */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** The message id the last send answered. */
    public synchronized String lastMessageId() {
        return "in-memory-" + sent.size();
    }

    public synchronized List<OutgoingMail> sent() {
        return List.copyOf(sent);
    }
}
