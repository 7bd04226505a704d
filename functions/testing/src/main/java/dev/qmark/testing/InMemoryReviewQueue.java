package dev.qmark.testing;

import dev.qmark.core.ports.ReviewQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ReviewQueue} in memory, as {@code DynamoReviewQueue} keeps it: one item per mail id (the
 * adapter's put is conditional on the key being free, so the first keep wins and a redelivery
 * changes nothing), listed newest first by time and then mail id, a page full to its limit giving
 * a cursor (as DynamoDB does when it stops at the limit).
 */
public final class InMemoryReviewQueue implements ReviewQueue {

    private static final Comparator<ReviewItem> NEWEST_FIRST =
            Comparator.comparing(ReviewItem::at).thenComparing(ReviewItem::mailId).reversed();

    private final Map<String, ReviewItem> items = new LinkedHashMap<>();

    @Override
    public synchronized void keepForReview(ReviewItem item) {
        items.putIfAbsent(item.mailId(), new ReviewItem(item.mailId(), item.rawLocation(), item.from(),
                item.subject(), item.reason(), StoredInstants.stored(item.at())));
    }

    @Override
    public synchronized ReviewPage reviewItems(int limit, String cursor) {
        List<ReviewItem> sorted = new ArrayList<>(items.values());
        sorted.sort(NEWEST_FIRST);
        int from = 0;
        if (cursor != null && !cursor.isBlank()) {
            ReviewItem after = items.get(cursor);
            if (after == null) {
                throw new IllegalArgumentException("cursor is not one this listing gave out");
            }
            from = sorted.indexOf(after) + 1;
        }
        List<ReviewItem> page = sorted.subList(from, Math.min(sorted.size(), from + limit));
        boolean full = page.size() == limit;
        return new ReviewPage(List.copyOf(page), full ? page.get(page.size() - 1).mailId() : null);
    }
}
