package dev.qmark.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One MIME entity (the whole message or one body part) split into its header fields and the byte
 * range of its body, without copying the body.
 *
 * <p>The header scan is one linear pass that stops storing at fixed limits (field count, value
 * length), so a hostile megabyte-long header costs a scan, not memory or time. Lenient the way
 * mail needs: an mbox {@code From } line is skipped, bare LF line ends work, and a line that is
 * neither a field nor a continuation ends the header (a part with no blank line after headers).
 *
 * @param headers   fields in order; names lower-cased; values unfolded, trimmed, one char per byte
 * @param source    the bytes the body lives in
 * @param bodyStart index of the first body byte
 * @param bodyEnd   index after the last body byte
 */
record RawEntity(List<RawHeader> headers, byte[] source, int bodyStart, int bodyEnd) {

    static final int MAX_FIELDS = 1000;
    static final int MAX_VALUE_CHARS = 64 * 1024;

    /** A header field as read: lower-case name, unfolded value in ISO-8859-1 (one char per byte). */
    record RawHeader(String name, String value) {
    }

    /** The first value of a field (lower-case name), or null. */
    String header(String name) {
        for (RawHeader header : headers) {
            if (header.name().equals(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** All values of a field (lower-case name), in order. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (RawHeader header : headers) {
            if (header.name().equals(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** Splits {@code src[from, to)} into header fields and body. */
    static RawEntity parse(byte[] src, int from, int to) {
        List<RawHeader> headers = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int pos = from;
        int bodyStart = to;
        boolean firstLine = true;
        while (pos < to) {
            int lineEnd = indexOf(src, (byte) '\n', pos, to);
            int contentEnd = lineEnd > pos && src[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            int next = lineEnd < to ? lineEnd + 1 : to;
            if (contentEnd == pos) { // the blank line that ends the header
                bodyStart = next;
                break;
            }
            boolean continuation = (src[pos] == ' ' || src[pos] == '\t') && !firstLine;
            int colon = continuation ? -1 : fieldNameEnd(src, pos, contentEnd);
            if (continuation) {
                if (name != null) {
                    appendBounded(value, src, pos, contentEnd);
                }
            } else if (colon > 0) {
                addField(headers, name, value);
                name = new String(src, pos, colon - pos, StandardCharsets.ISO_8859_1)
                        .strip().toLowerCase(Locale.ROOT);
                value.setLength(0);
                appendBounded(value, src, colon + 1, contentEnd);
            } else if (!(firstLine && startsWith(src, pos, contentEnd, "From "))) {
                bodyStart = pos; // not a header line: the header is over and this is body
                break;
            }
            firstLine = false;
            pos = next;
        }
        addField(headers, name, value);
        return new RawEntity(List.copyOf(headers), src, Math.min(bodyStart, to), to);
    }

    private static void addField(List<RawHeader> headers, String name, StringBuilder value) {
        if (name != null && headers.size() < MAX_FIELDS) {
            headers.add(new RawHeader(name, value.toString().strip()));
        }
    }

    /**
     * The index of the colon after a valid field name (printable ASCII, optionally followed by
     * blanks, the obsolete "Subject : x" form), or -1 when the line is not a field.
     */
    private static int fieldNameEnd(byte[] src, int from, int to) {
        int i = from;
        while (i < to && src[i] > 32 && src[i] < 127 && src[i] != ':') {
            i++;
        }
        int nameEnd = i;
        while (i < to && (src[i] == ' ' || src[i] == '\t')) {
            i++;
        }
        return nameEnd > from && i < to && src[i] == ':' ? i : -1;
    }

    private static void appendBounded(StringBuilder value, byte[] src, int from, int to) {
        int room = MAX_VALUE_CHARS - value.length();
        for (int i = from; i < to && room > 0; i++, room--) {
            value.append((char) (src[i] & 0xFF));
        }
    }

    private static boolean startsWith(byte[] src, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (src[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] src, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
