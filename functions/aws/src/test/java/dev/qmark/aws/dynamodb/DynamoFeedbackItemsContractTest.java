package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.testing.FeedbackItemsContract;

/** The shared feedback-item cases against the table. */
class DynamoFeedbackItemsContractTest extends FeedbackItemsContract {

    // one table for the class: every case uses fresh keys and ids
    private static final TestBed BED = TestBed.create();

    @Override
    protected FeedbackRepository repository() {
        return BED.repository();
    }
}
