package dev.qmark.mail;

import java.io.ByteArrayOutputStream;
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
    }

    /**
     * A header section read the lenient way mail needs: fields with their continuation lines, up
     * to the first line that is neither (a header without the blank line after it).
     *
     * @param bodyStart that line and every one after it, as received: the start of the body; empty when none
     */
    record Section(HeaderFields fields, byte[] bodyStart) {
    }

    /** The section in a header's raw lines. */
    static Section read(List<byte[]> lines) {
        List<RawHeader> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int i = 0;
        for (; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            boolean continuation = i > 0 && line.length > 0 && (line[0] == ' ' || line[0] == '\t');
            if (continuation) {
                if (field.size() <= MAX_VALUE_CHARS + 1000) {
                    field.write(line, 0, line.length);
                }
            } else if (isField(line)) {
                add(fields, field);
                field.write(line, 0, line.length);
            } else {
                break;
            }
        }
        add(fields, field);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        lines.subList(i, lines.size()).forEach(body::writeBytes);
        return new Section(new HeaderFields(List.copyOf(fields)), body.toByteArray());
    }

    /** The first value of a field (lower-case name), or null. */
    String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** All values of a field (lower-case name), in order. */
    List<String> headers(String name) {
        return fields.stream().filter(h -> h.name().equals(name)).map(RawHeader::value).toList();
    }

    /** Adds the field in {@code raw} ({@code Name: value}, folded), unless it has no name or there are too many. */
    private static void add(List<RawHeader> fields, ByteArrayOutputStream raw) {
        byte[] bytes = raw.toByteArray();
        raw.reset();
        if (fields.size() >= MAX_FIELDS) {
            return;
        }
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        String name = new String(bytes, 0, colon, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || colon == bytes.length) {
            return;
        }
        StringBuilder value = new StringBuilder();
        for (int i = colon + 1; i < bytes.length && value.length() < MAX_VALUE_CHARS; i++) {
            if (bytes[i] != '\r' && bytes[i] != '\n') { // unfolding: the line break goes, the blank stays
                value.append((char) (bytes[i] & 0xFF));
            }
        }
        fields.add(new RawHeader(name, value.toString().strip()));
    }

    /** A field line: a name of printable ASCII, blanks allowed before the colon (obsolete "Subject : x"). */
    private static boolean isField(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] > 32 && line[i] < 127 && line[i] != ':') {
            i++;
        }
        int nameEnd = i;
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return nameEnd > 0 && i < line.length && line[i] == ':';
    }
}
