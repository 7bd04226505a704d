package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.ports.FailedMailIntakes;
import dev.qmark.core.ports.FailedMailIntakes.Failed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * mail-intake's failed invocations, in memory and on SQS alike (with invocations out of sight for
 * no time, so a case needs no waiting): the event comes back as written, each take counts (at least
 * once: SQS counts each receive), a done
 * one is gone. Each case reads a fresh store.
 */
public abstract class FailedMailIntakesContract {

    protected static final String EVENT = "{\"Records\":[{\"eventSource\":\"aws:ses\",\"ses\":{\"mail\":{\"messageId\":\"m-1\"}}}]}";

    /** A fresh, empty store. */
    protected abstract FailedMailIntakes store();

    /** What Lambda's on-failure destination does after the last attempt at {@code requestPayload}. */
    protected abstract void failed(FailedMailIntakes store, String requestPayload);

    @Test
    void aFailedInvocationComesBackWithItsEventAndIsCountedEachTimeItIsTaken() {
        FailedMailIntakes store = store();
        failed(store, EVENT);

        List<Failed> first = store.take(10);
        assertEquals(1, first.size(), first.toString());
        assertEquals(EVENT, first.get(0).requestPayload());
        assertEquals(1, first.get(0).taken());

        List<Failed> second = store.take(10);
        assertEquals(1, second.size(), "not done: it comes back " + second);
        assertTrue(second.get(0).taken() > first.get(0).taken(), "counted again: " + second);
    }

    @Test
    void aDoneInvocationIsGone() {
        FailedMailIntakes store = store();
        failed(store, EVENT);
        store.done(store.take(10).get(0).handle());
        assertTrue(store.take(10).isEmpty());
    }

    @Test
    void takesAtMostWhatIsAsked() {
        FailedMailIntakes store = store();
        for (int i = 0; i < 3; i++) {
            failed(store, EVENT);
        }
        assertEquals(2, store.take(2).size());
    }
}
