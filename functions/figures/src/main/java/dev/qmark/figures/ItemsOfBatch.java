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
    private final Function<String, Optional<Feedback>> readStored;
    private final Map<String, Feedback> kept = new HashMap<>();

    ItemsOfBatch(Function<String, Optional<Feedback>> read) {
        this(read, read);
    }

    /**
     * @param read       reads an item, its route included (consistently again when a lagging read shows none)
     * @param readStored reads an item for what is fixed when it is stored, its route possibly missing
     */
    ItemsOfBatch(Function<String, Optional<Feedback>> read, Function<String, Optional<Feedback>> readStored) {
        this.read = read;
        this.readStored = readStored;
    }

    /**
     * The items for a change that knows the route itself (an escalation whose claim kept it): read with
     * {@code readStored}, never again just because the route is not on the item yet.
     */
    Function<String, Optional<Feedback>> routeKnown() {
        return feedbackId -> {
            Feedback known = kept.get(feedbackId);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<Feedback> item = readStored.apply(feedbackId);
            item.filter(f -> f.route() != null).ifPresent(f -> kept.put(feedbackId, f));
            return item;
        };
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
