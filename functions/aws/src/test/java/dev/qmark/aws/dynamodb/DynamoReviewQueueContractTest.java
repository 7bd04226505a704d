package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.testing.ReviewQueueContract;

/** The shared cases against the table; the list is one partition, so each case has its own table. */
class DynamoReviewQueueContractTest extends ReviewQueueContract {

    @Override
    protected ReviewQueue queue() {
        TestBed bed = TestBed.create();
        return new DynamoReviewQueue(bed.dynamo, bed.table);
    }
}
