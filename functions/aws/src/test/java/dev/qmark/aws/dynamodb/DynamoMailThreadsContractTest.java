package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.MailThreads;
import dev.qmark.testing.MailThreadsContract;

/** The shared cases against the table. */
class DynamoMailThreadsContractTest extends MailThreadsContract {

    // one table for the class: every case uses fresh ids
    private static final TestBed BED = TestBed.create();

    @Override
    protected MailThreads threads() {
        return new DynamoMailThreads(BED.dynamo, BED.table);
    }
}
