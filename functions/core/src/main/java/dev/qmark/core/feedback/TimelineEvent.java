package dev.qmark.core.feedback;

import dev.qmark.core.text.StoredText;
import java.time.Instant;

/**
 * Something that happened to a feedback item, for the people reading its history. The detail
 * may quote a mail, so it is bounded ({@link StoredText#DETAIL_BYTES}): an event always fits its item.
 */
public record TimelineEvent(Instant at, String type, String detail) {

    public TimelineEvent {
        detail = StoredText.bounded(detail, StoredText.DETAIL_BYTES);
    }
}
