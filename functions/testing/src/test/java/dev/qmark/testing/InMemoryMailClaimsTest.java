package dev.qmark.testing;

import dev.qmark.core.ports.MailClaims;

/** The shared cases against the in-memory claims. */
class InMemoryMailClaimsTest extends MailClaimsContract {

    @Override
    protected MailClaims claims() {
        return new InMemoryMailClaims();
    }
}
