package dev.qmark.testing;

import dev.qmark.core.ports.CustomerLetters;

/** The shared cases against the in-memory customer letters. */
class InMemoryCustomerLettersTest extends CustomerLettersContract {

    @Override
    protected CustomerLetters letters() {
        return new InMemoryCustomerLetters();
    }
}
