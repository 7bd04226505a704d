package dev.qmark.testing;

import dev.qmark.core.ports.MailThreads;

/** The shared cases against the in-memory mail threads. */
class InMemoryMailThreadsTest extends MailThreadsContract {

    @Override
    protected MailThreads threads() {
        return new InMemoryMailThreads();
    }
}
