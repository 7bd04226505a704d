package dev.qmark.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines mail clients put between a reply and the original it quotes, in the languages Qmark's
 * customers write: attribution lines ("On ... wrote:", "...님이 작성:"), separators
 * ("-----Original Message-----", Outlook's underscores), Outlook header blocks
 * ("From:/Sent:/To:/Subject:", "보낸 사람:/보낸 날짜:", "差出人:/送信日時:"), signature delimiters and
 * "Sent from my iPhone" lines.
 *
 * <p>All checks work on one (stripped) line, or two for attributions wrapped by the client, and
 * give up on lines longer than any real marker, so the patterns cannot be made to backtrack long.
 */
final class QuoteMarkers {

    /** No attribution, separator or header line is longer; longer lines are text. */
    private static final int MAX_MARKER_LENGTH = 300;

    /** "On <date>, <name> wrote:" and its translations (Gmail, Apple Mail, Thunderbird, ...). */
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            // the name may follow the verb: "Am 23.11.2026 um 10:00 schrieb Jeff <j@x.com>:"
            Pattern.compile("^(On|Am|Le|El|Il|Op|Em|Den|På|W dniu)\\s.*\\b"
                    + "(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał)\\b.{0,120}[:：]$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            // Korean: Gmail "2026년 11월 23일 (월) 오전 10:00, Jeff <j@x.com>님이 작성:",
            // Apple "2026. 11. 23. 오전 10:00, Jeff <j@x.com> 작성:", Thunderbird "... 이(가) 쓴 글:"
            Pattern.compile("^\\d{2,4}\\s?[년./\\-].*(작성|쓴 글|보낸 메일)\\s?[:：]$"),
            Pattern.compile("^.*(님이 작성|님의 글|이\\(가\\) 쓴 글|@\\S+>?\\s?작성)\\s?[:：]$"),
            // Japanese: Gmail "2026年11月23日(月) 10:00 Jeff <j@x.com>:", Apple "2026/11/23 10:00、Jeff <j@x.com>のメール:",
            // Thunderbird "2026/11/23 10:00 に Jeff さんは書きました:"
            Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日.*[:：]$"),
            Pattern.compile("^.*\\d.*(のメール|さんは書きました|は書きました|からのメール)\\s?[:：]$"),
            // Chinese: Gmail "Jeff <j@x.com> 于2026年11月23日周一 10:00写道："
            Pattern.compile("^.*\\d.*(写道|寫道)\\s?[:：]$"));

    /** "-----Original Message-----" and friends, forwarding markers included. */
    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{2,}\\s*(original message|original|message d'origine|ursprüngliche nachricht|mensaje original|"
                    + "messaggio originale|oorspronkelijk bericht|mensagem original|원본 메시지|원본 메일|원본메일|"
                    + "원문|元のメッセージ|原始邮件|原始郵件|原始邮件信息|forwarded message|전달된 메시지|전달 메시지|"
                    + "転送されたメッセージ|转发的邮件)\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Outlook's rule above the quoted header block (also what {@link HtmlText} makes of {@code <hr>}). */
    private static final Pattern UNDERSCORES = Pattern.compile("^_{20,}$");
    private static final Pattern FORWARD = Pattern.compile("^(Begin forwarded message|전달된 메시지 시작|転送されたメッセージ)\\s?[:：]$",
            Pattern.CASE_INSENSITIVE);

    /** First key of a quoted header block: who sent the original. */
    private static final Set<String> FROM_KEYS = Set.of(
            "from", "de", "von", "van", "da", "från", "fra", "od", "от", "差出人", "送信者", "보낸 사람", "보낸사람",
            "발신", "발신자", "보낸이", "寄件者", "发件人", "發件人");
    /** The other keys of such a block. */
    private static final Set<String> OTHER_KEYS = Set.of(
            "sent", "date", "to", "subject", "cc", "envoyé", "gesendet", "an", "betreff", "objet", "à", "enviado",
            "para", "asunto", "data", "inviato", "a", "oggetto", "verzonden", "aan", "onderwerp", "送信日時", "日付",
            "宛先", "件名", "보낸 날짜", "보낸날짜", "날짜", "받는 사람", "받는사람", "수신", "수신자", "제목", "참조",
            "寄件日期", "收件者", "主旨", "发送时间", "發送時間", "收件人", "主题", "主題", "日期", "时间");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@]+@[^\\s<>@]+\\.[^\\s<>@]+");
    private static final Pattern HEADER_KEY = Pattern.compile("^\\*{0,2}([^:：*]{1,20}?)\\*{0,2}\\s?[:：]");

    /** Client signatures added under the reply; the line itself is dropped. */
    private static final List<Pattern> DEVICE_SIGNATURES = List.of(
            Pattern.compile("^sent from my [\\p{L}\\p{N} ._’'-]{1,30}$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^sent from (outlook|mail|yahoo|gmail|aol|proton)[\\p{L}\\p{N} ._-]{0,30}$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^get outlook for (ios|android)\\.?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(ios|android)\\s?용 outlook 받기$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[\\p{L}\\p{N} ._-]{1,30}에서 보냄\\.?$"),
            Pattern.compile("^[\\p{L}\\p{N} ._-]{1,30}から送信\\.?$"),
            Pattern.compile("^(envoyé de mon|von meinem|enviado desde mi|enviado do meu|inviato da|verzonden met|"
                    + "发自我的|從我的|我的)[\\p{L}\\p{N} ._-]{1,40}$", Pattern.CASE_INSENSITIVE));

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

    /**
     * How many lines (1 or 2, when the client wrapped it) the attribution at {@code i} spans, or 0
     * when there is none. An attribution must contain a digit or an address: "On Monday I wrote:"
     * is something a person types, "On Mon, 23 Nov 2026 ... wrote:" is what a client writes.
     */
    static int attributionLines(List<String> lines, int i) {
        String first = lines.get(i).strip();
        if (first.isEmpty() || first.length() > MAX_MARKER_LENGTH) {
            return 0;
        }
        if (isAttribution(first)) {
            return 1;
        }
        if (i + 1 < lines.size()) {
            String second = lines.get(i + 1).strip();
            if (!second.isEmpty() && !isQuoted(second) && second.length() <= MAX_MARKER_LENGTH
                    && isAttribution(first + " " + second)) {
                return 2;
            }
        }
        return 0;
    }

    /**
     * A line that introduces the quote right below it without being a known attribution, such as
     * "Jeff Kim <jeff@x.com> schrieb am 23.11.2026:": it names an address and ends in a colon.
     */
    static boolean isAddressIntroduction(String line) {
        String s = line.strip();
        return s.length() <= MAX_MARKER_LENGTH && (s.endsWith(":") || s.endsWith("："))
                && ADDRESS.matcher(s).find();
    }

    /**
     * An Outlook-style header block of the original starting at {@code i}: a From line followed by
     * more header lines (Sent, To, Subject, ...). A customer may well write "From: Seoul" and
     * "To: Busan", so it takes an address in the From line and one more header line, or without
     * an address, the three more that every client writes (sent/date, to, subject).
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
