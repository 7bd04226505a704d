package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.testing.SweepListContract;

/** The shared sweeper's-list cases against the table; the list is one partition, so a table each. */
class DynamoSweepListContractTest extends SweepListContract {

    @Override
    protected Table table() {
        TablePorts table = TestBed.create().ports();
        return new Table(table.feedbackItems(), table.escalations(), table.sweepList());
    }
}
