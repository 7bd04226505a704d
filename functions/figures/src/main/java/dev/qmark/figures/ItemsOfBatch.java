package dev.qmark.figures;

import dev.qmark.core.feedback.Feedback;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The items the figures read, each at most once per stream batch: a batch often brings several
 * changes of one item's escalations (a breach: the late one, the next person asked), and what the
 * figures take from the item does not change once it is routed. Only a routed item is kept; one
 * without its route (not routed yet, or not found) is read again when asked for again.
 */
final class ItemsOfBatch implements Function<String, Optional<Feedback>> {

    private final Function<String, Optional<Feedback>> read;
    private final Map<String, Feedback> kept = new HashMap<>();

    ItemsOfBatch(Function<String, Optional<Feedback>> read) {
        this.read = read;
    }

    /** A new batch: items are read afresh (a handler instance serves one batch at a time). */
    void newBatch() {
        kept.clear();
    }

    @Override
    public Optional<Feedback> apply(String feedbackId) {
        Feedback known = kept.get(feedbackId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Feedback> item = read.apply(feedbackId);
        item.filter(f -> f.route() != null).ifPresent(f -> kept.put(feedbackId, f));
        return item;
    }
}
