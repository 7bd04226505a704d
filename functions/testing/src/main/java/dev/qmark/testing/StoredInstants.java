package dev.qmark.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the table keeps them: to the millisecond. The in-memory ports compare what the
 * table would compare, so a lease ending within the same millisecond as "now" is still held.
 */
final class StoredInstants {

    private StoredInstants() {
    }

    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
