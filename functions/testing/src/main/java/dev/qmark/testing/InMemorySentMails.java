package dev.qmark.testing;

import dev.qmark.core.ports.SentMails;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SentMails} in memory; as its DynamoDB adapter, the first record of a message id stays. */
public final class InMemorySentMails implements SentMails {

    private final Map<String, SentMail> mails = new ConcurrentHashMap<>();

    @Override
    public void record(SentMail mail) {
        mails.putIfAbsent(mail.messageId(), mail);
    }

    @Override
    public Optional<SentMail> find(String messageId) {
        return Optional.ofNullable(mails.get(messageId));
    }
}
