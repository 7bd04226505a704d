package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.testing.MailClaimsContract;

/** The shared cases against the table: what the in-memory claims promise, DynamoDB does. */
class DynamoMailClaimsContractTest extends MailClaimsContract {

    // one table for the class: every case uses fresh ids
    private static final TestBed BED = TestBed.create();

    @Override
    protected MailClaims claims() {
        return new DynamoMailClaims(BED.dynamo, BED.table);
    }
}
