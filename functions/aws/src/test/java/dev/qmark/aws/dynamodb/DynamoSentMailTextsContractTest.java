package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.testing.SentMailTextsContract;

/** The shared sent-text cases against the table. */
class DynamoSentMailTextsContractTest extends SentMailTextsContract {

    // one table for the class: every case uses fresh item ids
    private static final TestBed BED = TestBed.create();

    @Override
    protected SentMailTexts sentMailTexts() {
        return BED.ports().sentMailTexts();
    }
}
