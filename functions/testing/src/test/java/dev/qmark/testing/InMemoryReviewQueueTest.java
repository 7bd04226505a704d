package dev.qmark.testing;

import dev.qmark.core.ports.ReviewQueue;

/** The shared cases against the in-memory review queue. */
class InMemoryReviewQueueTest extends ReviewQueueContract {

    @Override
    protected ReviewQueue queue() {
        return new InMemoryReviewQueue();
    }
}
