package dev.qmark.mail;

import java.util.Arrays;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders (base64, quoted-printable) that accept what real mail
 * contains: missing padding, stray characters, lowercase hex, whitespace added in transport.
 * Both run in one linear pass and never throw; the JDK's decoders reject such input instead.
 */
final class TransferDecoding {

    private static final int[] BASE64_VALUES = new int[256];

    static {
        Arrays.fill(BASE64_VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64_VALUES[alphabet.charAt(i)] = i;
        }
    }

    private TransferDecoding() {
    }

    /** Decodes {@code src[from, to)} according to a Content-Transfer-Encoding value. */
    static byte[] decode(byte[] src, int from, int to, String transferEncoding) {
        String encoding = transferEncoding == null ? "" : transferEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> base64(src, from, to);
            case "quoted-printable" -> quotedPrintable(src, from, to);
            default -> Arrays.copyOfRange(src, from, to); // 7bit, 8bit, binary, and anything unknown
        };
    }

    /** Base64 skipping what is outside the alphabet; padding ends a quantum, not the data (glued chunks). */
    static byte[] base64(byte[] src, int from, int to) {
        byte[] out = new byte[(to - from) / 4 * 3 + 3];
        int length = 0;
        int bits = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            int b = src[i] & 0xFF;
            if (b == '=') {
                length = flushPartial(out, length, bits, count);
                bits = 0;
                count = 0;
                continue;
            }
            int value = BASE64_VALUES[b];
            if (value < 0) {
                continue;
            }
            bits = (bits << 6) | value;
            count++;
            if (count == 4) {
                out[length++] = (byte) (bits >> 16);
                out[length++] = (byte) (bits >> 8);
                out[length++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
        length = flushPartial(out, length, bits, count);
        return Arrays.copyOf(out, length);
    }

    /** The whole bytes of an incomplete quantum (two chars give one byte, three give two). */
    private static int flushPartial(byte[] out, int length, int bits, int count) {
        if (count == 2) {
            out[length++] = (byte) (bits >> 4);
        } else if (count == 3) {
            out[length++] = (byte) (bits >> 10);
            out[length++] = (byte) (bits >> 2);
        }
        return length;
    }

    /**
     * Quoted-printable: {@code =XX} escapes, soft line breaks ({@code =} at the end of a line, even
     * with trailing blanks), a literal {@code =} when no escape follows, and trailing blanks of a
     * line dropped (RFC 2045: they may have been added in transport).
     */
    static byte[] quotedPrintable(byte[] src, int from, int to) {
        byte[] out = new byte[to - from];
        int length = 0;
        int blanksStart = -1; // where trailing literal blanks of the current line begin in out
        int i = from;
        while (i < to) {
            int b = src[i] & 0xFF;
            if (b == '=') {
                int softBreakEnd = softBreakEnd(src, i + 1, to);
                if (softBreakEnd >= 0) {
                    i = softBreakEnd;
                    blanksStart = -1;
                    continue;
                }
                int high = i + 2 < to ? hex(src[i + 1]) : -1;
                int low = high >= 0 ? hex(src[i + 2]) : -1;
                if (low >= 0) {
                    out[length++] = (byte) (high << 4 | low);
                    i += 3;
                } else {
                    out[length++] = '=';
                    i++;
                }
                blanksStart = -1;
            } else if (b == '\r' || b == '\n') {
                if (blanksStart >= 0) {
                    length = blanksStart;
                }
                blanksStart = -1;
                out[length++] = (byte) b;
                i++;
            } else {
                if (b == ' ' || b == '\t') {
                    if (blanksStart < 0) {
                        blanksStart = length;
                    }
                } else {
                    blanksStart = -1;
                }
                out[length++] = (byte) b;
                i++;
            }
        }
        return Arrays.copyOf(out, length);
    }

    /** The index after blanks and a line break at {@code src[i..]}, else -1; the look-ahead is bounded (linear). */
    private static int softBreakEnd(byte[] src, int i, int to) {
        int j = i;
        while (j < to && j - i < 80 && (src[j] == ' ' || src[j] == '\t')) {
            j++;
        }
        if (j < to && src[j] == '\r') {
            return j + 1 < to && src[j + 1] == '\n' ? j + 2 : j + 1;
        }
        if (j < to && src[j] == '\n') {
            return j + 1;
        }
        return j == to ? to : -1;
    }

    private static int hex(byte b) {
        return Character.digit(b & 0xFF, 16); // only 0-9, a-f, A-F below 256
    }
}
