package dev.qmark.core.ports;

import java.time.Instant;
import java.util.List;

/**
 * Stored feedback that has not reached its owner yet (not asked): the list recovery reads. It
 * holds only unfinished items, so reading it costs what is unfinished, never the whole table.
 */
public interface UnfinishedFeedback {

    /** Ids of unfinished items whose next check is due by {@code dueBy}, oldest check first, at most {@code max}. */
    List<String> due(Instant dueBy, int max);

    /** Moves an unfinished item's next check to {@code nextCheck}; false when it finished meanwhile. */
    boolean postpone(String feedbackId, Instant nextCheck);
}
