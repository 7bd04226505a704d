package dev.qmark.core.ports;

import java.time.Instant;
import java.util.Set;

/**
 * Qmark's own record of addresses no mail may go to any more: they bounced hard or complained.
 * Consulted before every customer-bound mail (SES's account-level list is the second net), and
 * shown where staff look ({@code GET /escalations}), since a staff address there means a person
 * Qmark cannot reach.
 */
public interface Suppressions {

    /** Whether mail to {@code address} (any case) is suppressed. */
    boolean suppressed(String address);

    /** Suppresses {@code address}; the first reason stays (a later event of the same kind is the same fact). */
    void suppress(String address, String reason, Instant at);

    /** Every suppressed address, lower-cased. A small list: one per address that ever bounced or complained. */
    Set<String> addresses();

    /** For code paths without a table (unit tests, benches): nothing is ever suppressed. */
    Suppressions NONE = new Suppressions() {
        @Override
        public boolean suppressed(String address) {
            return false;
        }

        @Override
        public void suppress(String address, String reason, Instant at) {
        }

        @Override
        public Set<String> addresses() {
            return Set.of();
        }
    };
}
