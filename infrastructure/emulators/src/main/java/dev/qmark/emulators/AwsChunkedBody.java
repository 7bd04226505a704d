package dev.qmark.emulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the body of an upload sent with {@code Content-Encoding: aws-chunked}. The SDK does this for
 * every PutObject since it computes checksums by default: the bytes arrive as
 *
 * <pre>
 * 2000;chunk-signature=&lt;sig&gt;\r\n          (hex size; the extension is absent for unsigned payloads)
 * &lt;0x2000 bytes&gt;\r\n
 * 0;chunk-signature=&lt;sig&gt;\r\n
 * x-amz-checksum-crc32:AAAAAA==\r\n             (trailers named in x-amz-trailer)
 * x-amz-trailer-signature:&lt;sig&gt;\r\n
 * \r\n
 * </pre>
 *
 * Signatures are not checked (there are no real credentials); sizes, framing and the decoded length are.
 */
final class AwsChunkedBody {

    /** Longer chunk-header or trailer lines are not from an SDK. */
    private static final int MAX_LINE = 8 * 1024;

    /**
     * @param data     the object's bytes
     * @param trailers trailing headers, names lower-cased (x-amz-checksum-crc32, ...)
     */
    record Decoded(byte[] data, Map<String, String> trailers) {
    }

    /** The body is not valid aws-chunked encoding, or is longer than allowed. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private AwsChunkedBody() {
    }

    /** True when the request's body is aws-chunked, whichever of the two markers the client set. */
    static boolean isAwsChunked(String contentEncoding, String contentSha256) {
        if (contentSha256 != null && contentSha256.startsWith("STREAMING-")) {
            return true;
        }
        if (contentEncoding == null) {
            return false;
        }
        for (String coding : contentEncoding.split(",")) {
            if (coding.trim().equalsIgnoreCase("aws-chunked")) {
                return true;
            }
        }
        return false;
    }

    static Decoded decode(InputStream in, long maxBytes) throws IOException, MalformedException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            String header = readLine(in);
            if (header == null) {
                throw new MalformedException("the body ended before its last chunk");
            }
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedException("not a chunk size: " + abbreviate(header));
            }
            if (size < 0 || data.size() + size > maxBytes) {
                throw new MalformedException("the object is larger than " + maxBytes + " bytes");
            }
            if (size == 0) {
                break;
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new MalformedException("a chunk ended early");
            }
            data.write(chunk);
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new MalformedException("a chunk is longer than its size says");
            }
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("not a trailer: " + abbreviate(line));
            }
            trailers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Decoded(data.toByteArray(), Collections.unmodifiableMap(trailers));
    }

    /** A line without its CRLF (a bare LF is tolerated); null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException, MalformedException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedException("a chunk header or trailer line is too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
