package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link FormAcknowledgements} in memory, under the conditions of {@code DynamoFormAcknowledgements}'
 * transaction: both hourly counters below their limits (no counter yet counts as below) and the
 * item stored, else nothing changes. The address's counter here is its own; on the table it is the
 * one mail customers' acknowledgements take too.
 */
public final class InMemoryFormAcknowledgements implements FormAcknowledgements {

    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, String> languages = new HashMap<>();
    /** The transaction's condition on the item: it is stored. */
    private final Predicate<String> stored;

    /** Over the items {@code repository} holds. */
    public InMemoryFormAcknowledgements(InMemoryFeedbackRepository repository) {
        this.stored = id -> repository.find(id).isPresent();
    }

    @Override
    public synchronized boolean allow(String feedbackId, String email, String clientKey, Instant hour, Limits limits,
                                      String language) {
        String address = "ACK#" + email.toLowerCase(Locale.ROOT) + "#" + hour;
        String client = "ACKCLIENT#" + clientKey + "#" + hour;
        if (!below(address, limits.perAddress()) || !below(client, limits.perClient()) || !stored.test(feedbackId)) {
            return false;
        }
        counters.merge(address, 1, Integer::sum);
        counters.merge(client, 1, Integer::sum);
        languages.put(feedbackId, language);
        return true;
    }

    private boolean below(String counter, int max) {
        Integer count = counters.get(counter);
        return count == null || count < max;
    }

    @Override
    public synchronized Optional<String> allowed(String feedbackId) {
        return Optional.ofNullable(languages.get(feedbackId));
    }
}
