package dev.qmark.core.ports;

import dev.qmark.core.text.StoredText;
import java.time.Instant;
import java.util.List;

/**
 * The review list: mails that were kept instead of applied (strangers, forged tokens, robots,
 * spam, unparseable), for a person to look at.
 */
public interface ReviewQueue {

    /**
     * A mail kept for a person to look at instead of being applied. What came from the mail is
     * bounded ({@link StoredText}), so that no mail is too big to be kept: the raw MIME is linked.
     */
    record ReviewItem(String mailId, String rawLocation, String from, String subject, String reason, Instant at) {
        public ReviewItem {
            from = StoredText.bounded(from, StoredText.LINE_BYTES);
            subject = StoredText.bounded(subject, StoredText.LINE_BYTES);
            reason = StoredText.bounded(reason, StoredText.REASON_BYTES);
        }
    }

    /** One page of the review list; {@code cursor} is null on the last page. */
    record ReviewPage(List<ReviewItem> items, String cursor) {
    }

    /** Keeps a mail that was not applied; the same mail kept twice is one item (a redelivery). */
    void keepForReview(ReviewItem item);

    /**
     * Mails kept for review, newest first, from {@code cursor} (null: the newest).
     *
     * @throws IllegalArgumentException for a cursor that is not one this listing gave out
     */
    ReviewPage reviewItems(int limit, String cursor);

    /** The newest {@code limit} mails kept for review. */
    default List<ReviewItem> reviewItems(int limit) {
        return reviewItems(limit, null).items();
    }
}
