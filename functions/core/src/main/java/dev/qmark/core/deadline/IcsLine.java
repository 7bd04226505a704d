package dev.qmark.core.deadline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One iCalendar content line (RFC 5545 section 3.1), unfolded: {@code NAME;PARAM=value:value}.
 *
 * @param number the line of the file it starts on, for error messages
 * @param name   upper-cased
 * @param params upper-cased names; quotes removed from values
 */
record IcsLine(int number, String name, Map<String, String> params, String value) {

    /**
     * The content lines of a text. Lines end in CRLF as the RFC says, or in a bare LF or CR as
     * files edited by hand often do; a line starting with a space or tab continues the one before
     * (folding), and blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line, for a line that is not NAME...:value
     */
    static List<IcsLine> read(String text) {
        String[] physical = text.split("\r\n|\n|\r", -1);
        if (physical.length > 0 && physical[0].startsWith("\uFEFF")) {
            physical[0] = physical[0].substring(1);
        }
        List<IcsLine> lines = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (current == null) {
                    throw fail(i + 1, "a folded continuation line with no line before it to continue");
                }
                current.append(line, 1, line.length());
                continue;
            }
            if (current != null) {
                lines.add(parse(start, current.toString()));
            }
            current = line.isEmpty() ? null : new StringBuilder(line);
            start = i + 1;
        }
        if (current != null) {
            lines.add(parse(start, current.toString()));
        }
        return lines;
    }

    String param(String name) {
        return params.get(name);
    }

    static IllegalArgumentException fail(int line, String message) {
        return new IllegalArgumentException("iCalendar line " + line + ": " + message);
    }

    private static IcsLine parse(int number, String text) {
        int i = 0;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        String name = text.substring(0, i);
        Map<String, String> params = new LinkedHashMap<>();
        while (!name.isEmpty() && i < text.length() && text.charAt(i) == ';') {
            int nameStart = ++i;
            while (i < text.length() && "=:;".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            if (i == nameStart || i == text.length() || text.charAt(i) != '=') {
                throw notALine(number, text);
            }
            String paramName = text.substring(nameStart, i++).toUpperCase(Locale.ROOT);
            StringBuilder paramValue = new StringBuilder();
            while (true) {
                if (i < text.length() && text.charAt(i) == '"') {
                    int close = text.indexOf('"', i + 1);
                    if (close < 0) {
                        throw fail(number, "a quoted parameter value is never closed in '" + shorten(text) + "'");
                    }
                    paramValue.append(text, i + 1, close);
                    i = close + 1;
                } else {
                    int valueStart = i;
                    while (i < text.length() && ",:;".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    paramValue.append(text, valueStart, i);
                }
                if (i < text.length() && text.charAt(i) == ',') {
                    paramValue.append(',');
                    i++;
                } else {
                    break;
                }
            }
            params.put(paramName, paramValue.toString());
        }
        if (name.isEmpty() || i >= text.length() || text.charAt(i) != ':') {
            throw notALine(number, text);
        }
        return new IcsLine(number, name.toUpperCase(Locale.ROOT), Collections.unmodifiableMap(params),
                text.substring(i + 1));
    }

    private static IllegalArgumentException notALine(int number, String text) {
        return fail(number, "'" + shorten(text) + "' is not an iCalendar content line (NAME;PARAM=value:value)");
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
