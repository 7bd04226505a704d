package dev.qmark.mail;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The safety net under {@link ReplyText}: a reply is cut where it starts to reproduce a mail Qmark
 * wrote, however the client quoted it. Marker rules miss quotes they do not know; the mail Qmark
 * sent is known exactly, so its lines can be found again (rules: docs/mail.md, "What Qmark wrote").
 * One short matching line alone is not enough: an owner may well repeat a phrase of the "?".
 */
public final class WrittenText {

    /** Shorter lines ("Thanks,", "Hi Kim,") are too common to say anything about where they came from. */
    static final int NON_TRIVIAL_CHARS = 12;
    /** A line this long found verbatim in Qmark's mail is a copy on its own. */
    static final int LONG_LINE_CHARS = 60;

    private WrittenText() {
    }

    /**
     * {@code text} (a reply, already cut by {@link ReplyText}) up to where it starts to reproduce
     * one of the {@code written} mails; the text unchanged when it does not, or when nothing would be left.
     */
    public static String cut(String text, List<String> written) {
        if (text == null || text.isBlank() || written == null || written.isEmpty()) {
            return text == null ? "" : text;
        }
        List<String> originals = written.stream().map(WrittenText::joined).filter(s -> !s.isEmpty()).toList();
        if (originals.isEmpty()) {
            return text;
        }
        List<String> lines = List.of(MimeParser.lineEnds(text).split("\n", -1));
        int start = runStart(lines, originals);
        if (start < 0) {
            return text;
        }
        int end = withoutDanglingAttribution(lines, withShortLinesOfTheMail(lines, start, written));
        String kept = String.join("\n", lines.subList(0, end)).strip();
        return kept.isEmpty() ? text : kept;
    }

    /**
     * The strict check for text relayed to a customer: true when any non-trivial line of any
     * {@code internal} mail appears in {@code text}, or any non-trivial line of {@code text} is a
     * piece of an internal mail, whatever quoting or wrapping lies between. A single line is enough here.
     */
    public static boolean anyLineRemains(String text, List<String> internal) {
        if (text == null || text.isBlank() || internal == null) {
            return false;
        }
        String relayed = joined(text);
        List<String> relayedLines = nonTrivialLines(text);
        return internal.stream().filter(mail -> !joined(mail).isEmpty()).anyMatch(mail ->
                nonTrivialLines(mail).stream().anyMatch(relayed::contains) || relayedLines.stream().anyMatch(joined(mail)::contains));
    }

    /** The index of the first line of the first run of kept-mail lines, or -1. */
    private static int runStart(List<String> lines, List<String> originals) {
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = normalised(lines.get(i));
            if (!isNonTrivial(line)) {
                continue; // blank and trivial lines neither break a run nor start one
            }
            if (!inAny(line, originals)) {
                first = -1;
                continue;
            }
            if (line.length() >= LONG_LINE_CHARS) {
                return first >= 0 ? first : i;
            }
            if (first >= 0) {
                return first;
            }
            first = i;
        }
        return -1;
    }

    /**
     * Moves the cut up over blank lines and short lines that are whole lines of a kept mail (the
     * "?" itself on top of the question): too short to start a run, but part of the copy.
     */
    private static int withShortLinesOfTheMail(List<String> lines, int start, List<String> written) {
        Set<String> shortLines = new HashSet<>();
        written.forEach(mail -> normalisedLines(mail).stream().filter(n -> !isNonTrivial(n)).forEach(shortLines::add));
        int cut = start;
        for (int i = start - 1; i >= 0; i--) {
            String n = normalised(lines.get(i));
            if (n.isEmpty()) {
                continue;
            }
            if (!shortLines.contains(n)) {
                break;
            }
            cut = i;
        }
        return cut;
    }

    /** Where the kept text ends: at {@code start}, or above an attribution or separator left dangling there. */
    private static int withoutDanglingAttribution(List<String> lines, int start) {
        int above = start - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        if (above < 0) {
            return start;
        }
        String line = lines.get(above).strip();
        boolean attribution = QuoteMarkers.attributionLines(lines, above) > 0
                || QuoteMarkers.isSeparator(line)
                || QuoteMarkers.isAddressIntroduction(line)
                || looksLikeAttribution(line);
        return attribution ? above : start;
    }

    /**
     * A header line in a language {@link QuoteLanguages} does not know: one short line ending in a
     * colon that names an address or a time, the shape every client gives it.
     */
    private static boolean looksLikeAttribution(String line) {
        boolean endsInColon = line.endsWith(":") || line.endsWith("：");
        boolean namesSomething = line.contains("@") || line.matches(".*\\d{1,2}[:.]\\d{2}.*");
        return endsInColon && namesSomething && line.length() <= 200;
    }

    private static boolean inAny(String line, List<String> originals) {
        return originals.stream().anyMatch(original -> original.contains(line));
    }

    private static List<String> nonTrivialLines(String text) {
        return normalisedLines(text).stream().filter(WrittenText::isNonTrivial).toList();
    }

    /** The whole text as one normalised line, so that a re-wrapped quote still matches. */
    private static String joined(String text) {
        return text == null ? "" : String.join(" ", normalisedLines(text));
    }

    /** The text's lines {@link #normalised}, empty ones left out. */
    private static List<String> normalisedLines(String text) {
        return Stream.of(text.replace('\r', '\n').split("\n")).map(WrittenText::normalised).filter(n -> !n.isEmpty()).toList();
    }

    /** Quote prefixes and indentation gone, whitespace runs as one space, case folded. */
    static String normalised(String line) {
        String s = line.replace('\u00A0', ' ').strip();
        int k = 0;
        while (k < s.length() && (s.charAt(k) == '>' || s.charAt(k) == '|' || Character.isWhitespace(s.charAt(k)))) {
            k++;
        }
        return s.substring(k).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean isNonTrivial(String normalised) {
        return normalised.length() >= NON_TRIVIAL_CHARS && normalised.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
