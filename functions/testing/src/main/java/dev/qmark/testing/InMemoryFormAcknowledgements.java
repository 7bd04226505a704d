package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link FormAcknowledgements} in memory, under the conditions of {@code DynamoFormAcknowledgements}'
 * updates: a counter takes one for an item while below its limit (no counter yet counts as below)
 * and remembers the item, so that taking again for it takes nothing more and answers "taken"; a
 * client's one is given back when the address refuses. The address's counter here is its own; on the
 * table it is the one mail customers' acknowledgements take too.
 */
public final class InMemoryFormAcknowledgements implements FormAcknowledgements {

    /** Each counter's items: its count is their number. */
    private final Map<String, Set<String>> counters = new HashMap<>();

    @Override
    public synchronized boolean take(String feedbackId, String email, String clientKey, Instant hour, Limits limits) {
        String client = "ACKCLIENT#" + clientKey + "#" + hour;
        if (!take(client, feedbackId, limits.perClient())) {
            return false;
        }
        if (take("ACK#" + email.toLowerCase(Locale.ROOT) + "#" + hour, feedbackId, limits.perAddress())) {
            return true;
        }
        counters.get(client).remove(feedbackId);
        return false;
    }

    @Override
    public synchronized void giveBack(String feedbackId, String email, String clientKey, Instant hour) {
        counters.getOrDefault("ACKCLIENT#" + clientKey + "#" + hour, new HashSet<>()).remove(feedbackId);
        counters.getOrDefault("ACK#" + email.toLowerCase(Locale.ROOT) + "#" + hour, new HashSet<>()).remove(feedbackId);
    }

    private boolean take(String counter, String feedbackId, int max) {
        Set<String> items = counters.computeIfAbsent(counter, c -> new HashSet<>());
        if (items.contains(feedbackId)) {
            return true;
        }
        if (items.size() >= max) {
            return false;
        }
        return items.add(feedbackId);
    }

    /** How many acknowledgements {@code email} has taken in the hour: what a retried post must not raise. */
    public synchronized int takenBy(String email, Instant hour) {
        return counters.getOrDefault("ACK#" + email.toLowerCase(Locale.ROOT) + "#" + hour, Set.of()).size();
    }
}
