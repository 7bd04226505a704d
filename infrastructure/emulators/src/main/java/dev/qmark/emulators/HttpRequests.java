package dev.qmark.emulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for com.sun.net.httpserver exchanges, shared by the HTTP stand-ins. */
final class HttpRequests {

    private HttpRequests() {
    }

    /**
     * Percent-decodes a path segment as UTF-8. Unlike URLDecoder, '+' stays '+': in a path it is a
     * plus sign, and S3 keys may well contain one.
     */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The whole request body, or null when it is longer than {@code maxBytes}. */
    static byte[] readBody(HttpExchange exchange, long maxBytes) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    /** Sends a complete answer. An empty body goes out as Content-Length: 0, not as a chunked stream. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        // The JDK server reads length 0 as "chunked" and -1 as "no body".
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
