package dev.qmark.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Names for parts their sender left unnamed, so that a person looking at the list of files of a
 * mail sees what each one is: an attached message is {@code <its subject>.eml} (or
 * {@code message.eml}), a delivery report {@code delivery-status.txt}, an inline image
 * {@code image.gif} by its type, anything else {@code attachment.<ext>} or {@code attachment.bin}.
 */
final class PartNames {

    /** A subject longer than this makes an unwieldy file name; it is cut. */
    private static final int MAX_STEM = 80;
    /** Headers of an attached message are read only this far (its subject is near the top). */
    private static final int MAX_HEADER_BYTES = 32 * 1024;

    /** The extensions of the types mail carries; types not listed get ".bin". */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/gif", "gif"), Map.entry("image/jpeg", "jpg"), Map.entry("image/pjpeg", "jpg"),
            Map.entry("image/png", "png"), Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"),
            Map.entry("image/tiff", "tif"), Map.entry("image/heic", "heic"), Map.entry("image/heif", "heif"),
            Map.entry("image/svg+xml", "svg"), Map.entry("image/avif", "avif"),
            Map.entry("application/pdf", "pdf"), Map.entry("application/zip", "zip"),
            Map.entry("application/json", "json"), Map.entry("application/xml", "xml"),
            Map.entry("application/msword", "doc"), Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/x-hwp", "hwp"), Map.entry("application/haansofthwp", "hwp"),
            Map.entry("application/ics", "ics"), Map.entry("text/calendar", "ics"), Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"), Map.entry("text/csv", "csv"), Map.entry("text/rfc822-headers", "txt"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/quicktime", "mov"), Map.entry("message/rfc822", "eml"), Map.entry("message/global", "eml"));

    private PartNames() {
    }

    /** A name for an unnamed part of {@code mediaType} (lower case) with decoded {@code content}. */
    static String forUnnamed(String mediaType, byte[] content) {
        if (mediaType.equals("message/rfc822") || mediaType.equals("message/global")) {
            String stem;
            try {
                stem = fileStem(attachedSubject(content));
            } catch (RuntimeException e) {
                stem = ""; // a name is a nicety: it must never end the walk of the rest of the mail
            }
            return (stem.isEmpty() ? "message" : stem) + ".eml";
        }
        if (mediaType.equals("message/delivery-status") || mediaType.equals("message/global-delivery-status")) {
            return "delivery-status.txt";
        }
        String ext = EXTENSIONS.get(mediaType);
        if (mediaType.startsWith("image/")) {
            return "image." + (ext != null ? ext : imageSubtype(mediaType));
        }
        return "attachment." + (ext != null ? ext : "bin");
    }

    /** "image/x-icon" → "icon": a short plain subtype is the extension people know; else "bin". */
    private static String imageSubtype(String mediaType) {
        String sub = mediaType.substring("image/".length());
        sub = sub.startsWith("x-") ? sub.substring(2) : sub;
        return sub.matches("[a-z0-9]{1,5}") ? sub : "bin";
    }

    /** The decoded Subject of an attached message, read from its header only; "" if none. */
    private static String attachedSubject(byte[] message) {
        List<byte[]> lines = new ArrayList<>();
        int limit = Math.min(message.length, MAX_HEADER_BYTES);
        for (int start = 0, end; start < limit; start = end) {
            end = start;
            while (end < limit && message[end++] != '\n') {
                // to the end of the line, or of what is read
            }
            byte[] line = Arrays.copyOfRange(message, start, end);
            if (line[line.length - 1] == '\n' && new String(line, StandardCharsets.ISO_8859_1).isBlank()) {
                break; // the blank line that ends the header
            }
            lines.add(line); // the last one may be cut off or lack its line end (a header-only message)
        }
        HeaderFields fields = HeaderFields.read(lines).fields();
        String raw = fields.header("subject");
        String charset = HeaderParams.parse(fields.header("content-type"), null).param("charset");
        return raw == null ? "" : MimeParser.decoded(raw, charset).strip();
    }

    /**
     * A subject made safe as a file name on every system: no path or reserved characters, no
     * control characters, blanks collapsed, no leading or trailing dots, at most {@link #MAX_STEM}
     * characters (never splitting a surrogate pair).
     */
    static String fileStem(String subject) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            out.append(Character.isISOControl(c) || "\\/:*?\"<>|".indexOf(c) >= 0 ? ' ' : c);
        }
        String s = out.toString().replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[. ]+|[. ]+$", "");
        if (s.length() > MAX_STEM) {
            int end = Character.isHighSurrogate(s.charAt(MAX_STEM - 1)) ? MAX_STEM - 1 : MAX_STEM;
            s = s.substring(0, end).replaceAll("[. ]+$", "");
        }
        return s;
    }
}
