package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.testing.UnfinishedFeedbackContract;

/** The shared unfinished-feedback cases against the table; the list is one partition, so a table each. */
class DynamoUnfinishedFeedbackContractTest extends UnfinishedFeedbackContract {

    @Override
    protected Table table() {
        TablePorts table = TestBed.create().ports();
        return new Table(table.feedbackItems(), table.escalations(), table.unfinishedFeedback());
    }
}
