package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.ReceivedMails;
import dev.qmark.testing.ReceivedMailsContract;

/** The shared received-mail cases against the table; the list is one partition, so a table each. */
class DynamoReceivedMailsContractTest extends ReceivedMailsContract {

    @Override
    protected ReceivedMails receivedMails() {
        return TestBed.create().ports().receivedMails();
    }
}
