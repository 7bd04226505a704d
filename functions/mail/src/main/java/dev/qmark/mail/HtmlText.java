package dev.qmark.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns mail HTML into clean readable text: what a person would copy out of the rendered mail.
 *
 * <p>Script, style and head are dropped; block elements ({@code p div br li tr h1..h6 ...}) become
 * line breaks; entities are decoded and whitespace collapsed as a browser does. Blockquote content
 * is prefixed with {@code "> "} per level, and {@code <hr>} becomes Outlook's underscore line, so
 * that {@link ReplyText} can strip quoted originals from HTML-only replies the same way as from
 * plain text. One linear pass, no regular expressions: safe on hostile markup.
 */
public final class HtmlText {

    /** Elements whose content is never text. */
    private static final Set<String> SKIPPED =
            Set.of("script", "style", "head", "title", "noscript", "template", "xml");
    /** Elements that start and end on their own line. */
    private static final Set<String> BLOCKS = Set.of(
            "div", "ul", "ol", "table", "tbody", "thead", "tfoot", "tr", "section", "article", "header", "footer",
            "address", "center", "dl", "dt", "dd", "form", "fieldset", "figure", "figcaption", "main", "nav",
            "aside", "caption", "details", "summary", "body", "html");
    /** Elements set off by an empty line. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final String OUTLOOK_SEPARATOR = "________________________________";
    /** Deeper quotes are shown at this depth; prefixing every line with thousands of ">" is an attack. */
    private static final int MAX_QUOTE_PREFIX = 10;

    private final String html;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private boolean lineHasContent;
    private boolean pendingSpace;
    private int quoteDepth;
    private int preDepth;
    /** The last paragraph opened was Outlook's margin-less {@code <p class=MsoNormal>}. */
    private boolean lastWasMsoLine;
    /** Needles known to be absent from an index on: repeated unclosed tags must not rescan the rest. */
    private final Map<String, Integer> absentFrom = new HashMap<>();

    private HtmlText(String html) {
        this.html = html;
    }

    /** The readable text of {@code html}; "" for null. */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return new HtmlText(html).convert();
    }

    private String convert() {
        int i = 0;
        int n = html.length();
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                text(HtmlEntities.decode(html.substring(i, textEnd)));
            }
            if (lt < 0) {
                break;
            }
            i = markup(lt);
        }
        newline(false);
        return assemble();
    }

    /** Handles the markup at {@code lt}; returns the index after it. */
    private int markup(int lt) {
        int n = html.length();
        if (html.startsWith("<!--", lt)) {
            int end = html.indexOf("-->", lt + 4);
            return end < 0 ? n : end + 3;
        }
        char next = lt + 1 < n ? html.charAt(lt + 1) : ' ';
        if (next == '!' || next == '?') {
            int end = html.indexOf('>', lt);
            return end < 0 ? n : end + 1;
        }
        boolean closing = next == '/';
        int nameStart = closing ? lt + 2 : lt + 1;
        int nameEnd = nameStart;
        while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
            text("<"); // "a < b" is text, not a tag
            return lt + 1;
        }
        int tagEnd = tagEnd(nameEnd);
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        boolean selfClosing = html.charAt(tagEnd - 1) == '/';
        int after = tagEnd < n ? tagEnd + 1 : n;
        if (!closing && !selfClosing && SKIPPED.contains(name)) {
            return skipElement(name, after);
        }
        element(name, closing, html.substring(nameEnd, Math.min(tagEnd, n)));
        return after;
    }

    /** The index of the {@code >} ending a tag, respecting quoted attribute values. */
    private int tagEnd(int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length();
    }

    /** Skips to after {@code </name>}; a {@code <head>} never closed ends where {@code <body} starts. */
    private int skipElement(String name, int from) {
        int close = indexOfIgnoreCase("</" + name, from);
        if (close < 0 && name.equals("head")) {
            int body = indexOfIgnoreCase("<body", from);
            return body < 0 ? from : body;
        }
        if (close < 0) {
            return html.length();
        }
        int end = html.indexOf('>', close);
        return end < 0 ? html.length() : end + 1;
    }

    private void element(String name, boolean closing, String attributes) {
        switch (name) {
            case "br" -> newline(true);
            case "hr" -> {
                newline(false);
                lines.add(prefix() + OUTLOOK_SEPARATOR);
            }
            case "li" -> {
                newline(false);
                if (!closing) {
                    line.append("- ");
                }
            }
            case "td", "th" -> pendingSpace = lineHasContent;
            case "blockquote" -> {
                newline(false); // the quote's last line still belongs to the quote
                quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 0));
                paragraphBreak(); // the gap is outside the quote being left, inside the one entered
                quoteDepth += closing ? 0 : 1;
            }
            case "pre" -> {
                newline(false);
                preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
            }
            default -> {
                if (PARAGRAPHS.contains(name)) {
                    // Outlook writes every line as <p class=MsoNormal>, shown without margins
                    boolean msoLine = !closing && attributes.toLowerCase(Locale.ROOT).contains("msonormal");
                    if (msoLine || closing && lastWasMsoLine) {
                        newline(false);
                    } else {
                        paragraphBreak();
                    }
                    lastWasMsoLine = msoLine;
                } else if (BLOCKS.contains(name)) {
                    newline(false);
                }
            }
        }
    }

    private void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (preDepth > 0) {
                if (c == '\n') {
                    newline(true);
                } else if (c != '\r') {
                    line.append(c);
                    lineHasContent = true;
                }
            } else if (c == '\u00A0') {
                line.append(' '); // an intentional space: Outlook's "&nbsp;" empty paragraphs are blank lines
                lineHasContent = true;
                pendingSpace = false;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = lineHasContent;
            } else {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
                lineHasContent = true;
            }
        }
    }

    /** Ends the current line; {@code force} adds it even when empty (a {@code <br>}). */
    private void newline(boolean force) {
        if (lineHasContent || force || !line.toString().isBlank()) {
            String content = preDepth > 0 ? line.toString().stripTrailing() : line.toString().strip();
            lines.add(prefix() + content);
        }
        line.setLength(0);
        lineHasContent = false;
        pendingSpace = false;
    }

    /** Ends the current line and makes sure an empty line follows. */
    private void paragraphBreak() {
        newline(false);
        if (lines.isEmpty()) {
            return;
        }
        if (isBlank(lines.get(lines.size() - 1))) {
            lines.set(lines.size() - 1, prefix().strip()); // leaving a quote: the gap belongs outside it
        } else {
            lines.add(prefix().strip());
        }
    }

    private String prefix() {
        int depth = Math.min(quoteDepth, MAX_QUOTE_PREFIX);
        return depth == 0 ? "" : ">".repeat(depth) + " ";
    }

    /** Lines joined; trailing blanks cut, runs of empty lines collapsed, leading/trailing ones dropped. */
    private String assemble() {
        int first = 0;
        int last = lines.size() - 1;
        while (first <= last && isBlank(lines.get(first))) {
            first++;
        }
        while (last >= first && isBlank(lines.get(last))) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        boolean previousBlank = false;
        for (int i = first; i <= last; i++) {
            String current = lines.get(i).stripTrailing();
            boolean blank = isBlank(current);
            if (!(blank && previousBlank)) {
                out.append(current).append('\n');
            }
            previousBlank = blank;
        }
        return out.toString().stripTrailing();
    }

    /** Empty, or nothing but quote markers. */
    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '>' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private int indexOfIgnoreCase(String needle, int from) {
        Integer absent = absentFrom.get(needle);
        if (absent != null && from >= absent) {
            return -1;
        }
        for (int i = from; i + needle.length() <= html.length(); i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        absentFrom.put(needle, from);
        return -1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '-';
    }
}
