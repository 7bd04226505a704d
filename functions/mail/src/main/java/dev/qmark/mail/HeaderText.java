package dev.qmark.mail;

/**
 * Makes text safe to put into (or read out of) a single header line: every control character is
 * replaced by a space. CR and LF are what header injection is made of; NUL, ESC, DEL, the C1 range
 * and the Unicode line/paragraph separators have no business in a subject or a name either, and
 * some software treats them as line breaks too.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** {@code text} with control characters (including TAB, CR, LF) replaced by spaces; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(isControl((char) c) ? ' ' : (char) c));
        return out.toString();
    }

    /** True when a header field name is legal per RFC 5322: printable ASCII except colon. */
    public static boolean isFieldName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 76
                && name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':');
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
