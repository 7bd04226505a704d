package dev.qmark.testing;

import dev.qmark.core.ports.SentMailTexts;

/** The shared sent-text cases against the in-memory store. */
class InMemorySentMailTextsTest extends SentMailTextsContract {

    @Override
    protected SentMailTexts sentMailTexts() {
        return new InMemorySentMailTexts();
    }
}
