package dev.qmark.testing;

import dev.qmark.core.ports.FailedMailIntakes;

/** The shared failed-invocation cases against the in-memory store. */
class InMemoryFailedMailIntakesTest extends FailedMailIntakesContract {

    @Override
    protected FailedMailIntakes store() {
        return new InMemoryFailedMailIntakes();
    }

    @Override
    protected void failed(FailedMailIntakes store, String requestPayload) {
        ((InMemoryFailedMailIntakes) store).failed(requestPayload);
    }
}
