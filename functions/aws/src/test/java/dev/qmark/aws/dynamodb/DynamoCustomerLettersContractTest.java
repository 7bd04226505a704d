package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.testing.CustomerLettersContract;

/** The shared cases against the table. */
class DynamoCustomerLettersContractTest extends CustomerLettersContract {

    // one table for the class: every case uses fresh ids
    private static final TestBed BED = TestBed.create();

    @Override
    protected CustomerLetters letters() {
        return new DynamoCustomerLetters(BED.dynamo, BED.table);
    }
}
