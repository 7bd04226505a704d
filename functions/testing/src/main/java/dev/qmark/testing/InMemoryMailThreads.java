package dev.qmark.testing;

import dev.qmark.core.ports.MailThreads;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MailThreads} in memory, as {@code DynamoMailThreads} keys and counts: Message-IDs and
 * senders are compared in lower case, and an acknowledgement is taken only under the adapter's
 * condition ({@code attribute_not_exists(acknowledged) OR acknowledged < :max}).
 */
public final class InMemoryMailThreads implements MailThreads {

    private final Map<String, String> feedbackByMessage = new HashMap<>();
    private final Map<String, Integer> acknowledged = new HashMap<>();

    @Override
    public synchronized void rememberMessage(String messageId, String feedbackId) {
        feedbackByMessage.put(messageId.toLowerCase(Locale.ROOT), feedbackId);
    }

    @Override
    public synchronized Optional<String> feedbackByMessageId(String messageId) {
        return Optional.ofNullable(feedbackByMessage.get(messageId.toLowerCase(Locale.ROOT)));
    }

    @Override
    public synchronized boolean takeAcknowledgement(String senderEmail, Instant hour, int perHour) {
        String key = senderEmail.toLowerCase(Locale.ROOT) + "#" + hour;
        Integer count = acknowledged.get(key);
        // the same condition as the table's: no counter yet (whatever perHour says), or below it
        if (count != null && count >= perHour) {
            return false;
        }
        acknowledged.put(key, count == null ? 1 : count + 1);
        return true;
    }
}
