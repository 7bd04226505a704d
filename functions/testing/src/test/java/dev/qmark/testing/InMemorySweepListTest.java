package dev.qmark.testing;


/** The shared sweeper's-list cases against the in-memory repository. */
class InMemorySweepListTest extends SweepListContract {

    @Override
    protected Table table() {
        InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();
        return new Table(table.feedbackItems(), table.escalations(), table.sweepList());
    }
}
