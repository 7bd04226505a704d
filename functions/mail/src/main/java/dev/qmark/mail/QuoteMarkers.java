package dev.qmark.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lines mail clients put between a reply and the original it quotes (the per-language data is
 * in {@link QuoteLanguages}): attributions, separators, Outlook header blocks, signature
 * delimiters and "Sent from my iPhone" lines. Checks give up on lines longer than any real marker,
 * so the patterns cannot be made to backtrack long.
 */
final class QuoteMarkers {

    /** No attribution, separator or header line is longer; longer lines are text. */
    private static final int MAX_MARKER_LENGTH = 300;

    /** Attribution lines of every language in {@link QuoteLanguages}. */
    private static final List<Pattern> ATTRIBUTIONS = QuoteLanguages.ALL.stream()
            .flatMap(l -> l.attributions().stream()).toList();

    /** "-----Original Message-----" and friends, forwarding markers included, in every language. */
    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{2,}\\s*(" + QuoteLanguages.ALL.stream().flatMap(l -> l.separators().stream()).map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Outlook's rule above the quoted header block (also what {@link HtmlText} makes of {@code <hr>}). */
    private static final Pattern UNDERSCORES = Pattern.compile("^_{20,}$");
    /** A shorter rule ("-----", "____"): a separator only when a header block follows it. */
    private static final Pattern SHORT_RULE = Pattern.compile("^(-{3,}|_{3,})$");
    private static final Pattern FORWARD = Pattern.compile("^(Begin forwarded message|전달된 메시지 시작|転送されたメッセージ)\\s?[:：]$",
            Pattern.CASE_INSENSITIVE);

    /** First key of a quoted header block: who sent the original. */
    private static final Set<String> FROM_KEYS = QuoteLanguages.ALL.stream()
            .flatMap(l -> l.fromKeys().stream()).collect(Collectors.toUnmodifiableSet());
    /** The other keys of such a block. */
    private static final Set<String> OTHER_KEYS = QuoteLanguages.ALL.stream()
            .flatMap(l -> l.otherKeys().stream()).collect(Collectors.toUnmodifiableSet());
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@]+@[^\\s<>@]+\\.[^\\s<>@]+");
    private static final Pattern HEADER_KEY = Pattern.compile("^\\*{0,2}([^:：*]{1,20}?)\\*{0,2}\\s?[:：]");
    /** A clock time as clients write it in attributions: "09:12", "9.12", "10:00:00". */
    private static final Pattern TIME = Pattern.compile("\\d{1,2}[:.]\\d{2}(?!\\d)");

    /** Client signatures added under the reply ("Sent from my iPhone"); the line itself is dropped. */
    private static final List<Pattern> DEVICE_SIGNATURES = QuoteLanguages.ALL.stream()
            .flatMap(l -> l.sentFrom().stream()).toList();

    private QuoteMarkers() {
    }

    /** A line quoted with {@code >} (any depth, any indentation). */
    static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    /** The signature delimiter {@code "-- "} (trailing blank already stripped; bare "--" is common). */
    static boolean isSignatureDelimiter(String line) {
        return line.strip().equals("--");
    }

    /** A short rule ({@code -----}, {@code ____}) right above a header block (a person draws such lines too). */
    static boolean isRuleAboveHeaderBlock(List<String> lines, int i) {
        if (!SHORT_RULE.matcher(lines.get(i).strip()).matches()) {
            return false;
        }
        for (int j = i + 1; j < lines.size() && j <= i + 2; j++) {
            if (!lines.get(j).isBlank()) {
                return isHeaderBlock(lines, j);
            }
        }
        return false;
    }

    /**
     * True when the attribution at {@code i} may cut everything below it though no {@code >} quote
     * follows: it names a time and an address, or one of them as its own paragraph (docs/mail.md).
     */
    static boolean isStandaloneAttribution(List<String> lines, int i, int span) {
        String text = joined(lines, i, span);
        boolean address = text.indexOf('@') >= 0;
        boolean time = TIME.matcher(text).find();
        if (address && time) {
            return true; // what clients write ("..., 09:12, Jeff <j@x.com> wrote:"), even glued to the text by HTML
        }
        String previous = i > 0 ? lines.get(i - 1) : "";
        boolean ownParagraph = previous.isBlank() || isQuoted(previous) || isDeviceSignature(previous);
        return ownParagraph && (address || time);
    }

    /** A line after which everything is the original: "-----Original Message-----", underscores. */
    static boolean isSeparator(String line) {
        String s = line.strip();
        return s.length() <= MAX_MARKER_LENGTH
                && (UNDERSCORES.matcher(s).matches() || SEPARATOR.matcher(s).matches() || FORWARD.matcher(s).matches());
    }

    static boolean isDeviceSignature(String line) {
        // Exchange writes the link into the text part: "Get Outlook for iOS<https://aka.ms/o0ukef>"
        String s = TRAILING_LINK.matcher(line.strip()).replaceFirst("").strip();
        return s.length() <= 60 && DEVICE_SIGNATURES.stream().anyMatch(p -> p.matcher(s).matches());
    }

    private static final Pattern TRAILING_LINK = Pattern.compile("\\s*<https?://[^>\\s]{1,200}>$");

    /** Gmail wraps a long attribution (a long name, a long address) over up to this many lines. */
    static final int MAX_ATTRIBUTION_LINES = 4;

    /**
     * How many lines (up to {@link #MAX_ATTRIBUTION_LINES}) the attribution at {@code i} spans, or
     * 0; the shortest span wins. It must contain a digit or an address: "On Monday I wrote:" is a
     * person's, "On Mon, 23 Nov 2026 ... wrote:" a client's.
     */
    static int attributionLines(List<String> lines, int i) {
        String joined = lines.get(i).strip();
        if (joined.isEmpty() || joined.length() > MAX_MARKER_LENGTH) {
            return 0;
        }
        for (int span = 1; ; span++) {
            if (isAttribution(joined)) {
                return span;
            }
            if (span == MAX_ATTRIBUTION_LINES || i + span >= lines.size()) {
                return 0;
            }
            String next = lines.get(i + span).strip();
            if (next.isEmpty() || isQuoted(next) || joined.length() + 1 + next.length() > MAX_MARKER_LENGTH) {
                return 0;
            }
            joined = joined + " " + next;
        }
    }

    /** The lines {@code i .. i+span-1} joined as {@link #attributionLines} joins them. */
    static String joined(List<String> lines, int i, int span) {
        StringBuilder text = new StringBuilder(lines.get(i).strip());
        for (int j = i + 1; j < i + span; j++) {
            text.append(' ').append(lines.get(j).strip());
        }
        return text.toString();
    }

    /** A line that names an address and ends in a colon ("Jeff Kim <jeff@x.com> schrieb am 23.11.2026:"). */
    static boolean isAddressIntroduction(String line) {
        String s = line.strip();
        return s.length() <= MAX_MARKER_LENGTH && (s.endsWith(":") || s.endsWith("："))
                && ADDRESS.matcher(s).find();
    }

    /**
     * An Outlook-style header block at {@code i}: a From line with an address and one more header
     * line, or without an address three more (a customer may well write "From: Seoul", "To: Busan").
     */
    static boolean isHeaderBlock(List<String> lines, int i) {
        String line = lines.get(i);
        String key = key(line);
        if (key == null || !FROM_KEYS.contains(key)) {
            return false;
        }
        int needed = line.indexOf('@') >= 0 ? 1 : 3;
        int found = 0;
        for (int j = i + 1; j < lines.size() && j <= i + 6 && found < needed; j++) {
            String other = key(lines.get(j));
            if (other != null && OTHER_KEYS.contains(other)) {
                found++;
            }
        }
        return found >= needed;
    }

    private static boolean isAttribution(String text) {
        boolean evidence = text.indexOf('@') >= 0 || text.chars().anyMatch(Character::isDigit);
        return evidence && ATTRIBUTIONS.stream().anyMatch(p -> p.matcher(text).matches());
    }

    /** The header key of a line ("From", "보낸 사람", "*Sent*"), lower-cased, or null. */
    private static String key(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_MARKER_LENGTH) {
            return null;
        }
        var matcher = HEADER_KEY.matcher(s);
        return matcher.find() ? matcher.group(1).strip().toLowerCase(Locale.ROOT) : null;
    }
}
