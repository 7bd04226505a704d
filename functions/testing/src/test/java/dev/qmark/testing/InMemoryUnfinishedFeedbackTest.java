package dev.qmark.testing;

/** The shared unfinished-feedback cases against the table in memory. */
class InMemoryUnfinishedFeedbackTest extends UnfinishedFeedbackContract {

    @Override
    protected Table table() {
        InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();
        return new Table(table.feedbackItems(), table.escalations(), table.unfinishedFeedback());
    }
}
