package dev.qmark.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored: UTC with exactly three fraction digits, so that text order is time order
 * in sort keys and index ranges (Instant.toString drops zero fractions and would not sort).
 */
final class StoredTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StoredTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
