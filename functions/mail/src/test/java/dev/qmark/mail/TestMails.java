package dev.qmark.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds raw mails for parser tests: header lines (ASCII or raw bytes) plus an encoded body. */
final class TestMails {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static TestMails mail() {
        return new TestMails();
    }

    TestMails header(String line) {
        return raw(line.getBytes(StandardCharsets.ISO_8859_1)).crlf();
    }

    /** A header line whose bytes are in some charset, unencoded (8-bit headers from old clients). */
    TestMails header(String line, Charset charset) {
        return raw(line.getBytes(charset)).crlf();
    }

    TestMails body(String text) {
        return crlf().raw(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    TestMails body(byte[] bytes) {
        return crlf().raw(bytes);
    }

    TestMails raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    TestMails crlf() {
        return raw(new byte[] {'\r', '\n'});
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    /** Quoted-printable as RFC 2045: escapes =, 8-bit and control bytes; soft breaks at 76. */
    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n' || (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                if (b == '\r') {
                    i++;
                }
                out.append("\r\n");
                lineLength = 0;
                continue;
            }
            String piece = b >= 33 && b <= 126 && b != '=' || b == ' ' ? String.valueOf((char) b) : String.format("=%02X", b);
            if (lineLength + piece.length() > 75) {
                out.append("=\r\n");
                lineLength = 0;
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString();
    }

    /** An RFC 2047 encoded word in B encoding. */
    static String encodedWord(String text, Charset charset, String label) {
        return "=?" + label + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }
}
