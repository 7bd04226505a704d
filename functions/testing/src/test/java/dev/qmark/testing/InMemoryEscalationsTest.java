package dev.qmark.testing;

import dev.qmark.core.ports.Escalations;
import java.util.UUID;

/** The shared cases against the in-memory escalations. */
class InMemoryEscalationsTest extends EscalationsContract {

    private final InMemoryEscalations escalations = new InMemoryEscalations();

    @Override
    protected Escalations escalations() {
        return escalations;
    }

    @Override
    protected String storedFeedback() {
        String id = "fb-" + UUID.randomUUID();
        escalations.feedbackStored(id);
        return id;
    }
}
