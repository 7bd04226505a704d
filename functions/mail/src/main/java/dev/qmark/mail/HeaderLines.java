package dev.qmark.mail;

import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.FieldBuilder;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.RecycledByteArrayBuffer;

/**
 * mime4j's own field builder, which also hands every raw header line to {@link MimeWalk}, the
 * malformed ones included. A line that is neither a field nor a continuation means the sender
 * left out the blank line after the header, and it is the first line of the body; mime4j would
 * drop it (or, with {@code malformedHeaderStartsBody}, drop the line after it), so Qmark places
 * such lines itself ({@link HeaderSection}).
 */
final class HeaderLines implements FieldBuilder {

    private final DefaultFieldBuilder fields = new DefaultFieldBuilder(-1); // sizes are bounded by HeaderSection
    private final List<byte[]> lines;

    HeaderLines(List<byte[]> lines) {
        this.lines = lines;
    }

    @Override
    public void reset() {
        fields.reset();
    }

    @Override
    public void append(ByteArrayBuffer line) throws MimeException {
        lines.add(line.toByteArray());
        fields.append(line);
    }

    @Override
    public RawField build() {
        try {
            return fields.build();
        } catch (MimeException e) {
            return null; // a malformed line: mime4j skips it, HeaderSection makes it body
        }
    }

    @Override
    public RecycledByteArrayBuffer getRaw() {
        return fields.getRaw();
    }

    @Override
    public void release() {
        fields.release();
    }
}
