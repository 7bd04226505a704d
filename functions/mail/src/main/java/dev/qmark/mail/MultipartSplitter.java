package dev.qmark.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body parts of a multipart body: the ranges between {@code --boundary} lines.
 *
 * <p>Only line starts are compared against the delimiter, and each comparison stops at the first
 * differing byte, so the scan is linear in the body whatever the boundary and the content. A
 * missing close delimiter ends the last part at the end of the body; preamble and epilogue are
 * ignored; at most {@code maxParts} parts are returned.
 */
final class MultipartSplitter {

    /** RFC 2046 allows 70 characters; anything much longer is not a boundary worth searching for. */
    static final int MAX_BOUNDARY_LENGTH = 200;

    private MultipartSplitter() {
    }

    /** The {@code [start, end)} ranges of the parts in {@code src[from, to)}; empty when none is found. */
    static List<int[]> split(byte[] src, int from, int to, String boundary, int maxParts) {
        List<int[]> parts = new ArrayList<>();
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH || maxParts <= 0) {
            return parts;
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int partStart = -1;
        int pos = from;
        while (pos < to) {
            int lineEnd = RawEntity.indexOf(src, (byte) '\n', pos, to);
            int next = lineEnd < to ? lineEnd + 1 : to;
            int match = delimiterEnd(src, pos, lineEnd, delimiter);
            if (match >= 0) {
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, endBeforeLineBreak(src, partStart, pos)});
                    if (parts.size() >= maxParts) {
                        return parts;
                    }
                }
                if (isClose(src, match, lineEnd)) {
                    return parts;
                }
                partStart = next;
            }
            pos = next;
        }
        if (partStart >= 0 && partStart <= to) {
            parts.add(new int[] {partStart, to});
        }
        return parts;
    }

    /**
     * If the line {@code src[pos, lineEnd)} is a delimiter line, the index after the delimiter;
     * else -1. What follows the delimiter may only be "--" and/or blanks, so that boundary "abc"
     * does not match "--abcd".
     */
    private static int delimiterEnd(byte[] src, int pos, int lineEnd, byte[] delimiter) {
        if (lineEnd - pos < delimiter.length) {
            return -1;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (src[pos + i] != delimiter[i]) {
                return -1;
            }
        }
        int end = pos + delimiter.length;
        int i = end;
        if (i + 1 < lineEnd && src[i] == '-' && src[i + 1] == '-') {
            i += 2;
        }
        while (i < lineEnd && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r')) {
            i++;
        }
        return i == lineEnd ? end : -1;
    }

    private static boolean isClose(byte[] src, int afterDelimiter, int lineEnd) {
        return afterDelimiter + 1 < lineEnd && src[afterDelimiter] == '-' && src[afterDelimiter + 1] == '-';
    }

    /** The line break before a delimiter belongs to the delimiter (RFC 2046), not to the part. */
    private static int endBeforeLineBreak(byte[] src, int partStart, int delimiterLine) {
        int end = delimiterLine;
        if (end > partStart && src[end - 1] == '\n') {
            end--;
        }
        if (end > partStart && src[end - 1] == '\r') {
            end--;
        }
        return end;
    }
}
