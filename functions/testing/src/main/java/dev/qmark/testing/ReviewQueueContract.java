package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.ReviewQueue.ReviewItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReviewQueue} must do. The list is one partition, so each case takes a fresh
 * queue: an implementation on a table must give each call of {@link #queue()} its own table.
 */
public abstract class ReviewQueueContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    protected abstract ReviewQueue queue();

    private static ReviewItem kept(String mailId, int minutesLater, String reason) {
        return new ReviewItem(mailId, "inbound/" + mailId, "stranger@example.com", "Re: your question", reason,
                T0.plusSeconds(60L * minutesLater));
    }

    private static List<String> ids(List<ReviewItem> items) {
        return items.stream().map(ReviewItem::mailId).toList();
    }

    @Test
    void theSameMailKeptTwiceIsOneItemAndTheFirstStays() {
        ReviewQueue queue = queue();
        queue.keepForReview(kept("m1", 0, "stranger"));
        queue.keepForReview(kept("m1", 5, "robot"));
        List<ReviewItem> items = queue.reviewItems(10);
        assertEquals(List.of("m1"), ids(items));
        assertEquals("stranger", items.get(0).reason());
    }

    @Test
    void newestFirstPageByPage() {
        ReviewQueue queue = queue();
        queue.keepForReview(kept("m1", 0, "stranger"));
        queue.keepForReview(kept("m3", 2, "stranger"));
        queue.keepForReview(kept("m2", 1, "stranger"));
        ReviewQueue.ReviewPage first = queue.reviewItems(2, null);
        assertEquals(List.of("m3", "m2"), ids(first.items()));
        ReviewQueue.ReviewPage second = queue.reviewItems(2, first.cursor());
        assertEquals(List.of("m1"), ids(second.items()));
        assertNull(second.cursor());
    }

    @Test
    void aMadeUpCursorIsRefused() {
        ReviewQueue queue = queue();
        queue.keepForReview(kept("m1", 0, "stranger"));
        assertThrows(IllegalArgumentException.class, () -> queue.reviewItems(2, "not-a-cursor"));
    }
}
