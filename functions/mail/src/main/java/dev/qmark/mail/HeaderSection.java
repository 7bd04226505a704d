package dev.qmark.mail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A header section's raw lines read the lenient way mail needs: fields with their continuation
 * lines, up to the first line that is neither (a header without the blank line after it); that
 * line and every one after it are the start of the body.
 *
 * @param fields    the fields before the first malformed line, bounded by {@link HeaderFields}
 * @param bodyStart the lines from the first malformed line on, as received; empty when none
 */
record HeaderSection(HeaderFields fields, byte[] bodyStart) {

    static HeaderSection of(List<byte[]> lines) {
        List<HeaderFields.RawHeader> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int i = 0;
        for (; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            boolean continuation = i > 0 && line.length > 0 && (line[0] == ' ' || line[0] == '\t');
            if (continuation) {
                if (field.size() <= HeaderFields.MAX_VALUE_CHARS + 1000) {
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
        for (; i < lines.size(); i++) {
            body.write(lines.get(i), 0, lines.get(i).length);
        }
        return new HeaderSection(new HeaderFields(List.copyOf(fields)), body.toByteArray());
    }

    /**
     * The body of an entity whose header ran into its first lines: those lines, then the blank
     * line that ended mime4j's header (if the body goes on), then the rest.
     */
    static byte[] withBodyStart(byte[] bodyStart, byte[] rest) {
        if (bodyStart.length == 0) {
            return rest;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(bodyStart.length + rest.length + 2);
        body.write(bodyStart, 0, bodyStart.length);
        if (rest.length > 0) {
            boolean crlf = bodyStart.length > 1 && bodyStart[bodyStart.length - 2] == '\r';
            body.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            body.write(rest, 0, rest.length);
        }
        return body.toByteArray();
    }

    private static void add(List<HeaderFields.RawHeader> fields, ByteArrayOutputStream field) {
        if (field.size() > 0 && fields.size() < HeaderFields.MAX_FIELDS) {
            HeaderFields.RawHeader header = HeaderFields.RawHeader.of(field.toByteArray());
            if (header != null) {
                fields.add(header);
            }
        }
        field.reset();
    }

    /**
     * A field line: a name of printable ASCII, optionally followed by blanks (the obsolete
     * "Subject : x" form), then a colon.
     */
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
