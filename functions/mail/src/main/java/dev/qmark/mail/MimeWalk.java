package dev.qmark.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Walks a MIME tree depth-first and sorts its leaves into body text, body HTML and attachments
 * (see {@link MimeParser}). A part that fails to read is skipped, keeping what was found so far;
 * depth and the number of entities visited are capped.
 */
final class MimeWalk {

    private final MimeParser.Body body;
    private int visited;

    MimeWalk(MimeParser.Body body) {
        this.body = body;
    }

    void visit(RawEntity entity, int depth) {
        if (visited++ >= MimeParser.MAX_ENTITIES) {
            return;
        }
        try {
            read(entity, depth);
        } catch (RuntimeException e) {
            // a broken part is left out; the rest of the mail is still worth having
        }
    }

    private void read(RawEntity entity, int depth) {
        HeaderParams type = HeaderParams.parse(entity.header("content-type"), null);
        String mediaType = type.value().indexOf('/') > 0 ? type.value() : "text/plain"; // RFC 2045 default
        String charset = type.param("charset");
        if (mediaType.startsWith("multipart/")) {
            if (depth >= MimeParser.MAX_DEPTH) {
                return;
            }
            List<int[]> parts = MultipartSplitter.split(entity.source(), entity.bodyStart(), entity.bodyEnd(),
                    type.param("boundary"), MimeParser.MAX_ENTITIES - visited);
            for (int[] part : parts) {
                visit(RawEntity.parse(entity.source(), part[0], part[1]), depth + 1);
            }
            if (!parts.isEmpty()) {
                return;
            }
            mediaType = "text/plain"; // no part found (no or wrong boundary): best effort, read it as text
        }
        HeaderParams disposition = HeaderParams.parse(entity.header("content-disposition"), charset);
        String fileName = fileName(disposition.param("filename"), type.param("name"));
        boolean attachment = disposition.value().equals("attachment") || fileName != null;
        byte[] content = TransferDecoding.decode(entity.source(), entity.bodyStart(), entity.bodyEnd(),
                entity.header("content-transfer-encoding"));
        if (!attachment && mediaType.equals("text/plain")) {
            String text = MimeParser.lineEnds(MailText.decode(content, charset));
            if ("flowed".equalsIgnoreCase(type.param("format"))) {
                text = FlowedText.unflow(text, "yes".equalsIgnoreCase(type.param("delsp")));
            }
            body.plain().add(text);
        } else if (!attachment && mediaType.equals("text/html")) {
            body.html().add(MailText.decode(content, charset != null ? charset : metaCharset(content)));
        } else {
            body.attachments().add(new InboundMail.Attachment(fileName, mediaType, content.length));
        }
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

    private static boolean isLabelChar(char c) {
        return Character.isLetterOrDigit(c) || "-_.:".indexOf(c) >= 0;
    }

    /** An HTML part without a charset parameter often declares it in a meta tag near the top. */
    private static String metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int at = head.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        int start = at + "charset=".length();
        while (start < head.length() && (head.charAt(start) == '"' || head.charAt(start) == '\'')) {
            start++;
        }
        int end = start;
        while (end < head.length() && isLabelChar(head.charAt(end))) {
            end++;
        }
        return end > start ? head.substring(start, end) : null;
    }
}
