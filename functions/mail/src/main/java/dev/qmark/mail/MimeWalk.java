package dev.qmark.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Walks a mail's MIME tree with Apache James mime4j's token stream (structure, within the limits
 * set here; a structure error ends the walk and keeps what was found) and sorts its leaves into
 * body text, body HTML and attachments. Qmark's own on top: raw header bytes for the charset
 * policy, {@link TransferDecoding} for bodies and {@link MailText} for text (docs/mail.md says why).
 */
final class MimeWalk {

    private static final MimeConfig LIMITS = MimeConfig.custom()
            .setMaxNestingDepth(MimeParser.MAX_DEPTH)
            .setMaxPartCount(MimeParser.MAX_ENTITIES)
            // header counts and sizes: bounded by HeaderFields, which stops storing instead of failing
            .setMaxHeaderCount(-1).setMaxHeaderLen(-1).setMaxTotalHeaderCount(-1).setMaxTotalHeaderLen(-1)
            .setMaxLineLen(-1).setMaxContentLen(-1)
            .build();

    /** The label after {@code charset=} in a meta tag: quotes, then letters, digits and {@code -_.:}. */
    private static final Pattern META_CHARSET = Pattern.compile("[\"']*([\\p{L}\\p{Nd}\\-_.:]+)");

    private final MimeParser.Body body;
    private final Deque<Multipart> open = new ArrayDeque<>();
    /** The raw lines of the header being read, malformed ones included. */
    private final List<byte[]> lines = new ArrayList<>();
    private HeaderFields fields = HeaderFields.NONE;
    /** Lines under the current header that are body: the header had no blank line after it. */
    private byte[] bodyStart = new byte[0];
    private HeaderFields message;

    private MimeWalk(MimeParser.Body body) {
        this.body = body;
    }

    /** A multipart being read: its header, its preamble, and whether any part was found. */
    private static final class Multipart {
        final HeaderFields fields;
        byte[] preamble;
        boolean hasParts;

        Multipart(HeaderFields fields) {
            this.fields = fields;
        }
    }

    /**
     * mime4j's field builder, which also keeps every raw header line, the malformed ones included.
     * A line that is neither a field nor a continuation means the sender left out the blank line
     * after the header, and it is the first line of the body; mime4j would drop it (or, with
     * {@code malformedHeaderStartsBody}, the line after it), so {@link HeaderFields#read} places it.
     */
    private final class LineKeeper extends DefaultFieldBuilder {
        LineKeeper() {
            super(-1); // sizes are bounded by HeaderFields
        }

        @Override
        public void append(ByteArrayBuffer line) throws MaxHeaderLengthLimitException {
            lines.add(line.toByteArray());
            super.append(line);
        }
    }

    /** Fills {@code body} from {@code raw}; returns the message's own header fields. */
    static HeaderFields walk(byte[] raw, MimeParser.Body body) {
        MimeWalk walk = new MimeWalk(body);
        try {
            walk.read(raw);
        } catch (IOException | MimeException | RuntimeException e) {
            // a broken structure ends the walk; the rest of the mail is still worth having
        }
        return walk.message != null ? walk.message : HeaderFields.read(walk.lines).fields();
    }

    private void read(byte[] raw) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(LIMITS, DecodeMonitor.SILENT, new LineKeeper(), null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE); // an attached message is a file, not our text
        int start = mboxLineEnd(raw);
        stream.parse(new ByteArrayInputStream(raw, start, raw.length - start));
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            switch (state) {
                case T_START_HEADER -> lines.clear();
                case T_END_HEADER -> {
                    HeaderFields.Section section = HeaderFields.read(lines);
                    fields = section.fields();
                    bodyStart = section.bodyStart();
                    message = message == null ? fields : message;
                }
                case T_START_MULTIPART -> open.push(new Multipart(fields));
                case T_PREAMBLE -> open.element().preamble = stream.getInputStream().readAllBytes();
                case T_START_BODYPART -> open.element().hasParts = true;
                case T_END_MULTIPART -> {
                    Multipart done = open.pop();
                    if (!done.hasParts && done.preamble != null) {
                        leaf(done.fields, done.preamble); // no part found (wrong boundary): best effort, as text
                    }
                }
                case T_BODY -> leaf(fields, withBodyStart(stream.getInputStream().readAllBytes()));
                default -> { } // epilogues, part ends: nothing to read
            }
        }
    }

    /**
     * The body of an entity whose header ran into its first lines: those lines, then the blank
     * line that ended mime4j's header (if the body goes on), then the rest.
     */
    private byte[] withBodyStart(byte[] rest) {
        if (bodyStart.length == 0) {
            return rest;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodyStart.length + rest.length + 2);
        out.writeBytes(bodyStart);
        if (rest.length > 0) {
            boolean crlf = bodyStart.length > 1 && bodyStart[bodyStart.length - 2] == '\r';
            out.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            out.writeBytes(rest);
        }
        return out.toByteArray();
    }

    private void leaf(HeaderFields entity, byte[] raw) {
        HeaderParams type = HeaderParams.parse(entity.header("content-type"), null);
        String mediaType = type.value().indexOf('/') > 0 ? type.value() : "text/plain"; // RFC 2045 default
        if (mediaType.startsWith("multipart/")) {
            mediaType = "text/plain"; // a multipart without a boundary: best effort, read it as text
        }
        String charset = type.param("charset");
        HeaderParams disposition = HeaderParams.parse(entity.header("content-disposition"), charset);
        String fileName = fileName(disposition.param("filename"), type.param("name"));
        boolean attachment = disposition.value().equals("attachment") || fileName != null;
        byte[] content = TransferDecoding.decode(raw, 0, raw.length, entity.header("content-transfer-encoding"));
        if (!attachment && mediaType.equals("text/plain")) {
            String text = MimeParser.lineEnds(MailText.decode(content, charset));
            if ("flowed".equalsIgnoreCase(type.param("format"))) {
                text = FlowedText.unflow(text, "yes".equalsIgnoreCase(type.param("delsp")));
            }
            body.plain().add(text);
        } else if (!attachment && mediaType.equals("text/html")) {
            body.html().add(MailText.decode(content, charset != null ? charset : metaCharset(content)));
        } else {
            // a part the sender left unnamed still gets a name a person understands
            String name = fileName != null ? fileName : PartNames.forUnnamed(mediaType.toLowerCase(Locale.ROOT), content);
            body.attachments().add(new InboundMail.Attachment(name, mediaType, content.length));
            if (mediaType.equalsIgnoreCase("message/rfc822") && body.messages().isEmpty()) {
                body.messages().add(content); // "forward as attachment": read later as a mail of its own
            }
        }
    }

    /** Where the content starts: after an mbox {@code From } line, which some stores keep on top. */
    private static int mboxLineEnd(byte[] raw) {
        if (raw.length < 5 || !new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            return 0;
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    /**
     * The file name from Content-Disposition, else Content-Type's name; without any directory
     * part (senders' paths like {@code C:\Users\...} are noise and unsafe to reuse), null if none.
     */
    private static String fileName(String fromDisposition, String fromType) {
        String name = fromDisposition != null && !fromDisposition.isBlank() ? fromDisposition : fromType;
        if (name == null) {
            return null;
        }
        String clean = HeaderText.clean(name).strip();
        int slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
        clean = clean.substring(slash + 1).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** An HTML part without a charset parameter often declares it in a meta tag near the top. */
    private static String metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int at = head.indexOf("charset=");
        Matcher label = META_CHARSET.matcher(head);
        return at >= 0 && label.region(at + "charset=".length(), head.length()).lookingAt() ? label.group(1) : null;
    }
}
