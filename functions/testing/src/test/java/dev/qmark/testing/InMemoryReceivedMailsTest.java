package dev.qmark.testing;

import dev.qmark.core.ports.ReceivedMails;

/** The shared received-mail cases against the in-memory list. */
class InMemoryReceivedMailsTest extends ReceivedMailsContract {

    @Override
    protected ReceivedMails receivedMails() {
        return new InMemoryReceivedMails();
    }
}
