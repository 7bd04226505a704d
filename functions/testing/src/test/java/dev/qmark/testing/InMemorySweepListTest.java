package dev.qmark.testing;

import dev.qmark.core.ports.FeedbackRepository;

/** The shared sweeper's-list cases against the in-memory repository. */
class InMemorySweepListTest extends SweepListContract {

    @Override
    protected FeedbackRepository repository() {
        return new InMemoryFeedbackRepository();
    }
}
