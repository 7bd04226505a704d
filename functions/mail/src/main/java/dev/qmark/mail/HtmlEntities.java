package dev.qmark.mail;

import java.util.Map;
import java.util.Set;

/**
 * Decodes HTML character references in text: numeric ({@code &#54620;}, {@code &#xD55C;}) and the
 * named ones mail HTML actually uses. Unknown names stay as written; that reads better than a
 * replacement character and a full table of 2,000 names is not worth carrying for mail.
 */
final class HtmlEntities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("zwnj", ""), Map.entry("zwj", ""), Map.entry("shy", ""),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("hellip", "…"),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("sbquo", "‚"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bdquo", "„"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bull", "•"), Map.entry("middot", "·"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("won", "₩"), Map.entry("times", "×"), Map.entry("divide", "÷"), Map.entry("deg", "°"),
            Map.entry("plusmn", "±"), Map.entry("para", "¶"), Map.entry("sect", "§"), Map.entry("iexcl", "¡"),
            Map.entry("iquest", "¿"), Map.entry("rarr", "→"), Map.entry("larr", "←"), Map.entry("uarr", "↑"),
            Map.entry("darr", "↓"), Map.entry("hearts", "♥"), Map.entry("star", "☆"), Map.entry("check", "✓"),
            Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"),
            Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("aacute", "á"), Map.entry("agrave", "à"),
            Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"),
            Map.entry("uacute", "ú"), Map.entry("ntilde", "ñ"), Map.entry("Eacute", "É"));

    /** Names browsers still accept without the closing semicolon. */
    private static final Set<String> LEGACY = Set.of("amp", "lt", "gt", "quot", "nbsp", "copy", "reg");

    private static final int MAX_NAME = 10;

    private HtmlEntities() {
    }

    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, amp);
        int i = amp;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int consumed = reference(text, i + 1, out);
            if (consumed > 0) {
                i += 1 + consumed;
            } else {
                out.append('&');
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the reference starting after '&' at {@code from}; the chars consumed, 0 if none. */
    private static int reference(String text, int from, StringBuilder out) {
        if (from < text.length() && text.charAt(from) == '#') {
            int digits = numeric(text, from + 1, out);
            return digits == 0 ? 0 : digits + 1; // and the '#'

        }
        int end = from;
        while (end < text.length() && end - from < MAX_NAME && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String name = text.substring(from, end);
        String value = NAMED.get(name);
        if (value == null) {
            return 0;
        }
        boolean semicolon = end < text.length() && text.charAt(end) == ';';
        if (!semicolon && !LEGACY.contains(name)) {
            return 0;
        }
        out.append(value);
        return end - from + (semicolon ? 1 : 0);
    }

    private static int numeric(String text, int from, StringBuilder out) {
        boolean hex = from < text.length() && (text.charAt(from) == 'x' || text.charAt(from) == 'X');
        int start = hex ? from + 1 : from;
        int end = start;
        while (end < text.length() && end - start < 8 && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == start) {
            return 0;
        }
        int codePoint = Integer.parseInt(text.substring(start, end), hex ? 16 : 10);
        if (codePoint >= 0x80 && codePoint <= 0x9F) {
            // HTML maps these C1 references through Windows-1252 (&#150; is an en dash)
            codePoint = new String(new byte[] {(byte) codePoint}, MailCharsets.WINDOWS_1252).codePointAt(0);
        }
        boolean valid = codePoint > 0 && codePoint <= 0x10FFFF && !(codePoint >= 0xD800 && codePoint <= 0xDFFF);
        out.appendCodePoint(valid ? codePoint : 0xFFFD);
        boolean semicolon = end < text.length() && text.charAt(end) == ';';
        return end - from + (semicolon ? 1 : 0);
    }
}
