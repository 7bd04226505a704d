package dev.qmark.testing;

import dev.qmark.core.ports.FeedbackRepository;

/** The shared feedback-item cases against the in-memory repository. */
class InMemoryFeedbackItemsTest extends FeedbackItemsContract {

    @Override
    protected FeedbackRepository repository() {
        return new InMemoryFeedbackRepository();
    }
}
