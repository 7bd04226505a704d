package dev.qmark.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one MIME entity as read from the wire, before any decoding: names
 * lower-cased, values unfolded, one char per byte (ISO-8859-1), so that raw 8-bit bytes survive
 * for {@link MailText}'s charset policy instead of being lost to a guess made too early.
 *
 * <p>Bounded: past {@link #MAX_FIELDS} fields nothing more is kept, and a value is cut at
 * {@link #MAX_VALUE_CHARS}; a hostile megabyte-long header costs a scan, not memory or time later.
 *
 * @param fields in order of appearance
 */
record HeaderFields(List<RawHeader> fields) {

    static final int MAX_FIELDS = 1000;
    static final int MAX_VALUE_CHARS = 64 * 1024;

    static final HeaderFields NONE = new HeaderFields(List.of());

    /** A header field as read: lower-case name, unfolded value in ISO-8859-1 (one char per byte). */
    record RawHeader(String name, String value) {

        /** A field from its raw bytes ({@code Name: value}, folded); null when it has no name. */
        static RawHeader of(byte[] raw) {
            int colon = 0;
            while (colon < raw.length && raw[colon] != ':') {
                colon++;
            }
            String name = new String(raw, 0, colon, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || colon == raw.length) {
                return null;
            }
            StringBuilder value = new StringBuilder();
            for (int i = colon + 1; i < raw.length && value.length() < MAX_VALUE_CHARS; i++) {
                if (raw[i] != '\r' && raw[i] != '\n') { // unfolding: the line break goes, the blank stays
                    value.append((char) (raw[i] & 0xFF));
                }
            }
            return new RawHeader(name, value.toString().strip());
        }
    }

    /** The first value of a field (lower-case name), or null. */
    String header(String name) {
        for (RawHeader header : fields) {
            if (header.name().equals(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** All values of a field (lower-case name), in order. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (RawHeader header : fields) {
            if (header.name().equals(name)) {
                values.add(header.value());
            }
        }
        return values;
    }
}
