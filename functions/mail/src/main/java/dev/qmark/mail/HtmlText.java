package dev.qmark.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns mail HTML into the text a person would copy out of the rendered mail. jsoup parses the
 * markup as a browser would; Qmark's own is the layout: blocks on their own lines, whitespace
 * collapsed, blockquotes as {@code "> "} per level and {@code <hr>} as Outlook's underscore line,
 * so that {@link ReplyText} cuts HTML-only replies the same way as plain ones.
 */
public final class HtmlText implements NodeFilter {

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
    /** Elements without content or end tag: they act once, where they stand. */
    private static final Set<String> VOID = Set.of("br", "hr");
    private static final String OUTLOOK_SEPARATOR = "________________________________";
    /** Deeper quotes are shown at this depth; prefixing every line with thousands of ">" is an attack. */
    private static final int MAX_QUOTE_PREFIX = 10;

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private boolean lineHasContent;
    private boolean pendingSpace;
    private int quoteDepth;
    private int preDepth;
    /** The last paragraph opened was Outlook's margin-less {@code <p class=MsoNormal>}. */
    private boolean lastWasMsoLine;

    private HtmlText() {
    }

    /** The readable text of {@code html}; "" for null. */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        HtmlText text = new HtmlText();
        NodeTraversor.filter(text, Jsoup.parse(html));
        text.newline(false);
        return text.assemble();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
            text(textNode.getWholeText());
        } else if (node instanceof Element element) {
            String name = element.normalName();
            if (SKIPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            element(name, false, element.attributes().html());
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && !VOID.contains(element.normalName())) {
            element(element.normalName(), true, "");
        }
        return FilterResult.CONTINUE;
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
        return line.chars().allMatch(c -> c == '>' || Character.isWhitespace(c));
    }
}
