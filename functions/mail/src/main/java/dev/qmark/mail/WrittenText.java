package dev.qmark.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The safety net under {@link ReplyText}: a reply is cut where it starts to reproduce a mail Qmark
 * wrote, however the client quoted it. The marker rules miss quotes they do not know (a header
 * line in an unlisted language, Outlook with no marker at all, indentation instead of {@code >});
 * the mail Qmark sent is known exactly, so its lines can be found again.
 *
 * <p>Lines are compared normalised: leading quote prefixes ({@code >}, {@code |}) and indentation
 * dropped, runs of whitespace as one space, case folded. A reply line <em>matches</em> when it is
 * non-trivial (at least {@link #NON_TRIVIAL_CHARS} characters with a letter or digit) and appears
 * inside the kept mail's text (joined into one line, so a client that re-wraps the quote still
 * matches). The cut falls at the first line of the first <em>run</em>: two matching lines in a row
 * (blank and trivial lines between them neither break nor count), or one matching line of at least
 * {@link #LONG_LINE_CHARS} characters. One short matching line alone is not enough: an owner may
 * well repeat a phrase of the "?" ("the export button") in their answer. A now-dangling attribution
 * or separator line just above the cut ("Le 23 nov. 2026 à 09:12, Qmark a écrit :") goes with it.
 *
 * <p>If the cut would leave nothing, the text is returned as it came: an empty answer is worse than
 * a long one, and what goes further to a customer is checked by {@link #anyLineRemains} instead.
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
        for (String mail : internal) {
            String original = joined(mail);
            if (original.isEmpty()) {
                continue;
            }
            for (String line : nonTrivialLines(mail)) {
                if (relayed.contains(line)) {
                    return true;
                }
            }
            for (String line : relayedLines) {
                if (original.contains(line)) {
                    return true;
                }
            }
        }
        return false;
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
        for (String mail : written) {
            for (String line : mail.replace('\r', '\n').split("\n")) {
                String n = normalised(line);
                if (!n.isEmpty() && !isNonTrivial(n)) {
                    shortLines.add(n);
                }
            }
        }
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
        for (String original : originals) {
            if (original.contains(line)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> nonTrivialLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.replace('\r', '\n').split("\n")) {
            String n = normalised(line);
            if (isNonTrivial(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The whole text as one normalised line, so that a re-wrapped quote still matches. */
    private static String joined(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.replace('\r', '\n').split("\n")) {
            String n = normalised(line);
            if (!n.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(n);
            }
        }
        return out.toString();
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
