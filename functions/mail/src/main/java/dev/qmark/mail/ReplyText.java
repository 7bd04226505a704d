package dev.qmark.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extracts what a person wrote in a reply typed in a mail client, dropping the quoted original:
 * the text ends at the first marker of an unquoted copy ({@link QuoteMarkers}); before that,
 * {@code >} quotes and the attribution above them are dropped, and unquoted lines between quotes
 * are kept (inline answers). Rules: docs/mail.md. An empty answer is worse than a long one: if
 * nothing is left, the whole body is returned, minus its quote markers.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /** The new text of a reply {@code body}: LF line ends, no trailing blanks, trimmed; "" for null. */
    public static String newText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        List<String> lines = normalisedLines(body);
        List<String> kept = new ArrayList<>();
        boolean skippedQuote = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (QuoteMarkers.isQuoted(line)) {
                skippedQuote = true;
                i++;
                continue;
            }
            if (QuoteMarkers.isSeparator(line) || QuoteMarkers.isHeaderBlock(lines, i)
                    || QuoteMarkers.isRuleAboveHeaderBlock(lines, i) || QuoteMarkers.isSignatureDelimiter(line)) {
                break;
            }
            int attribution = QuoteMarkers.attributionLines(lines, i);
            if (attribution == 0 && QuoteMarkers.isAddressIntroduction(line) && quoteFollows(lines, i + 1)) {
                attribution = 1;
            }
            if (attribution > 0 && !quoteFollows(lines, i + attribution)) {
                if (QuoteMarkers.isStandaloneAttribution(lines, i, attribution)) {
                    break; // the original follows unquoted (Outlook.com, Yahoo, HTML without blockquote)
                }
                attribution = 0; // words like "a écrit :" inside a paragraph are the writer's own
            }
            if (attribution > 0) {
                skippedQuote = true;
                i += attribution;
                continue;
            }
            if (QuoteMarkers.isDeviceSignature(line)) {
                i++;
                continue;
            }
            if (skippedQuote && !line.isBlank()) {
                kept.add(""); // an inline answer: keep it apart from the text above the quote
                skippedQuote = false;
            }
            kept.add(line);
            i++;
        }
        String text = joinCollapsed(kept);
        return text.isEmpty() ? withoutQuoteMarkers(lines) : text;
    }

    /** True when the next non-blank line from {@code from} on is a {@code >} quoted line. */
    private static boolean quoteFollows(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return QuoteMarkers.isQuoted(lines.get(j));
            }
        }
        return false;
    }

    /** LF line ends, no-break spaces as spaces, no trailing blanks. */
    private static List<String> normalisedLines(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        return Stream.of(text.split("\n", -1)).map(String::stripTrailing).toList();
    }

    /** The fallback: every line, with leading quote markers ("> ", ">> ") removed. */
    private static String withoutQuoteMarkers(List<String> lines) {
        return joinCollapsed(lines.stream().map(line -> {
            String s = line.stripLeading();
            return s.startsWith(">") ? s.replaceFirst("^[> ]+", "") : line;
        }).toList());
    }

    /** Joined with LF, runs of empty lines reduced to one, leading and trailing ones dropped. */
    private static String joinCollapsed(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean previousBlank = true;
        for (String line : lines) {
            boolean blank = line.isBlank();
            if (blank && previousBlank) {
                continue;
            }
            out.append(blank ? "" : line).append('\n');
            previousBlank = blank;
        }
        return out.toString().strip();
    }
}
