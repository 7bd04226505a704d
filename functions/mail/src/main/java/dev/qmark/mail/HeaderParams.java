package dev.qmark.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parameterised header value such as Content-Type or Content-Disposition:
 * {@code text/plain; charset="euc-kr"; format=flowed}.
 *
 * <p>Parameter values are decoded the three ways mail uses: RFC 2231 ({@code filename*=UTF-8''%ED%95%9C},
 * continuations {@code name*0*=..; name*1*=..}), RFC 2047 words inside quotes (not allowed, but what
 * Outlook and most Korean mailers send for file names), and raw 8-bit bytes.
 *
 * @param value  the value before the first {@code ;}, lower-cased and trimmed (e.g. {@code text/plain})
 * @param params parameter names lower-cased, values decoded
 */
record HeaderParams(String value, Map<String, String> params) {

    private static final int MAX_PARAMS = 64;
    private static final int MAX_SECTIONS = 100;

    static final HeaderParams EMPTY = new HeaderParams("", Map.of());

    /** A parameter's value, or null. */
    String param(String name) {
        return params.get(name);
    }

    /**
     * Parses a raw header value (one char per byte).
     *
     * @param charsetHint for raw 8-bit parameter values, the charset they are most likely in
     */
    static HeaderParams parse(String raw, String charsetHint) {
        if (raw == null) {
            return EMPTY;
        }
        List<String> pieces = splitOutsideQuotes(raw);
        String value = stripComment(pieces.get(0)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> sections = new LinkedHashMap<>();
        for (int i = 1; i < pieces.size() && i <= MAX_PARAMS; i++) {
            String piece = pieces.get(i);
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String paramValue = unquote(piece.substring(equals + 1).strip());
            addParam(name, paramValue, plain, sections);
        }
        Map<String, String> params = new LinkedHashMap<>();
        plain.forEach((name, v) -> params.put(name, EncodedWords.decode(MailText.decodeRawHeader(v, charsetHint))));
        sections.forEach((name, parts) -> params.put(name, joinSections(parts, charsetHint)));
        return new HeaderParams(value, Map.copyOf(params));
    }

    /**
     * Sorts {@code name}, {@code name*}, {@code name*N} and {@code name*N*} into plain values and
     * RFC 2231 sections (index to {value, extended?}).
     */
    private static void addParam(String name, String value, Map<String, String> plain,
                                 Map<String, TreeMap<Integer, String[]>> sections) {
        int star = name.indexOf('*');
        if (star < 0) {
            plain.putIfAbsent(name, value);
            return;
        }
        String base = name.substring(0, star);
        String rest = name.substring(star + 1);
        boolean extended = rest.endsWith("*") || rest.isEmpty();
        String index = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
        int section;
        try {
            section = index.isEmpty() ? 0 : Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return;
        }
        if (section < 0 || section >= MAX_SECTIONS || base.isEmpty()) {
            return;
        }
        sections.computeIfAbsent(base, k -> new TreeMap<>()).put(section, new String[] {value, extended ? "*" : ""});
    }

    /** Concatenates RFC 2231 sections; the first extended one may carry {@code charset'language'}. */
    private static String joinSections(TreeMap<Integer, String[]> parts, String charsetHint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String charset = charsetHint;
        boolean first = true;
        for (String[] part : parts.values()) {
            String text = part[0];
            boolean extended = !part[1].isEmpty();
            if (first && extended) {
                int quote1 = text.indexOf('\'');
                int quote2 = quote1 < 0 ? -1 : text.indexOf('\'', quote1 + 1);
                if (quote2 > 0) {
                    charset = text.substring(0, quote1);
                    text = text.substring(quote2 + 1);
                }
            }
            first = false;
            if (extended) {
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return MailText.decode(bytes.toByteArray(), charset);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
    }

    private static List<String> splitOutsideQuotes(String raw) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quoted && c == '\\' && i + 1 < raw.length()) {
                current.append(c).append(raw.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
                if (pieces.size() > MAX_PARAMS) {
                    return pieces;
                }
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        return pieces;
    }

    /**
     * A quoted-string without its quotes and backslash escapes. Backslashes before anything but a
     * quote or backslash are kept: Windows paths in file names are more common than real escapes.
     */
    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value; // unquoted: kept whole, "report(1).pdf" is a file name, not a comment
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text/plain (comment)}: RFC 2045 allows comments after values; they carry nothing. */
    private static String stripComment(String value) {
        int paren = value.indexOf('(');
        return paren >= 0 ? value.substring(0, paren) : value;
    }
}
