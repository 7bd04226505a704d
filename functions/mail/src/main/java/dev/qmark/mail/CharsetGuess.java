package dev.qmark.mail;

import java.nio.charset.Charset;
import java.util.BitSet;
import java.util.Optional;

/**
 * Guesses the charset of unlabelled (or mislabelled) text bytes, for the mail where the label is
 * missing or says ASCII/Latin-1 while the bytes are plainly something else.
 *
 * <p>Order of evidence: ISO-2022 escape sequences; bytes that are valid UTF-8 (legacy CJK text is
 * practically never valid UTF-8 by accident); Japanese Shift_JIS (kana are unmistakable); then
 * Korean CP949 against Chinese GB18030. Those two decode each other's bytes without error, so the
 * tie is broken by how many of the decoded characters are among the language's most frequent
 * ones: real text scores high, the wrong decoding scores near zero.
 */
final class CharsetGuess {

    /** Enough text to judge; decoding all of a 30 MB body five times is not. */
    static final int SAMPLE_BYTES = 256 * 1024;

    private static final BitSet COMMON_HANGUL = codePoints(
            "이다는의에을하고가한지서기로를사대리어도자정시수인해나있아게습니요었국보우주장일상그들과부전제"
                    + "구만라적여것면안세드내문성께합감사드립까원데무결배송환불주문확번호이메일");
    private static final BitSet COMMON_HANZI = codePoints(
            "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
                    + "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因"
                    + "只从想实日请谢问题订单退款");

    private CharsetGuess() {
    }

    /** The most likely charset of {@code bytes}, or empty when nothing fits well (or it is ASCII). */
    static Optional<Charset> guess(byte[] bytes) {
        int length = Math.min(bytes.length, SAMPLE_BYTES);
        boolean complete = length == bytes.length;
        Optional<Charset> iso2022 = iso2022(bytes, length);
        if (iso2022.isPresent()) {
            return iso2022;
        }
        if (!hasHighBytes(bytes, length)) {
            return Optional.empty();
        }
        if (MailText.strictDecode(MailCharsets.UTF_8, bytes, length, complete).isPresent()) {
            return Optional.of(MailCharsets.UTF_8);
        }
        Optional<String> japanese = MailText.strictDecode(MailCharsets.WINDOWS_31J, bytes, length, complete);
        if (japanese.isPresent() && looksJapanese(japanese.get())) {
            return Optional.of(MailCharsets.WINDOWS_31J);
        }
        double korean = MailText.strictDecode(MailCharsets.CP949, bytes, length, complete)
                .map(CharsetGuess::koreanScore).orElse(-1.0);
        double chinese = MailText.strictDecode(MailCharsets.GB18030, bytes, length, complete)
                .map(CharsetGuess::chineseScore).orElse(-1.0);
        if (korean >= 0 && korean >= chinese) {
            return Optional.of(MailCharsets.CP949);
        }
        if (chinese >= 0) {
            return Optional.of(MailCharsets.GB18030);
        }
        return Optional.empty();
    }

    /** ESC-based 7-bit encodings announce themselves with their designator sequences. */
    private static Optional<Charset> iso2022(byte[] bytes, int length) {
        for (int i = 0; i + 2 < length; i++) {
            if (bytes[i] != 0x1B) {
                continue;
            }
            byte b1 = bytes[i + 1];
            byte b2 = bytes[i + 2];
            if (b1 == '$' && b2 == ')' && i + 3 < length && bytes[i + 3] == 'C') {
                return Optional.of(MailCharsets.ISO_2022_KR);
            }
            if ((b1 == '$' && (b2 == 'B' || b2 == '@' || b2 == '('))
                    || (b1 == '(' && (b2 == 'J' || b2 == 'I'))) {
                return Optional.of(MailCharsets.ISO_2022_JP);
            }
        }
        return Optional.empty();
    }

    /** Counts of the non-ASCII characters of a decoded text. */
    private record Counts(int nonAscii, int kana, int hangul, int commonHangul, int han, int commonHan, int punctuation) {

        static Counts of(String text) {
            int[] n = new int[7];
            text.chars().filter(c -> c >= 0x80).forEach(c -> {
                n[0]++;
                n[1] += c >= 0x3041 && c <= 0x30FF ? 1 : 0;
                n[2] += c >= 0xAC00 && c <= 0xD7A3 ? 1 : 0;
                n[3] += c >= 0xAC00 && c <= 0xD7A3 && COMMON_HANGUL.get(c) ? 1 : 0;
                n[4] += isIdeograph(c) ? 1 : 0;
                n[5] += isIdeograph(c) && COMMON_HANZI.get(c) ? 1 : 0;
                n[6] += isCjkPunctuation(c) ? 1 : 0;
            });
            return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        }
    }

    /** Japanese prose is full of kana; other CJK bytes read as Shift_JIS give half-width junk. */
    private static boolean looksJapanese(String text) {
        Counts c = Counts.of(text);
        int natural = c.kana() + c.han() + c.punctuation();
        return c.nonAscii() > 0 && c.kana() > 0 && c.kana() * 10 >= c.nonAscii() && natural * 10 >= c.nonAscii() * 9;
    }

    /** -1 when the text is not mostly Hangul; else the share of very common syllables. */
    private static double koreanScore(String text) {
        Counts c = Counts.of(text);
        boolean mostlyHangul = c.hangul() * 10 >= c.nonAscii() * 6;
        return mostlyHangul && plausible(c.commonHangul(), c.hangul()) ? (double) c.commonHangul() / c.hangul() : -1;
    }

    /** -1 when the text is not mostly Han characters; else the share of very common ones. */
    private static double chineseScore(String text) {
        Counts c = Counts.of(text);
        boolean mostlyHan = (c.han() + c.punctuation()) * 10 >= c.nonAscii() * 9;
        return mostlyHan && plausible(c.commonHan(), c.han()) ? (double) c.commonHan() / c.han() : -1;
    }

    /**
     * Real prose always contains some of the most frequent characters, and from twenty characters
     * on at least a few percent; a decoding in the wrong charset scatters over thousands of rare
     * ones instead ("Größe" in ISO-8859-1 read as GB18030 is "Gr鲞e": one rare character).
     */
    private static boolean plausible(int common, int total) {
        return common > 0 && (total < 20 || common * 100 >= total * 3);
    }

    private static boolean isIdeograph(int c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    /** CJK symbols and punctuation, full-width ASCII forms, and the middle dot family. */
    private static boolean isCjkPunctuation(int c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E)
                || c == 0x00B7 || c == 0x2026 || (c >= 0x2018 && c <= 0x201D);
    }

    private static boolean hasHighBytes(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static BitSet codePoints(String chars) {
        BitSet set = new BitSet(0x10000);
        chars.chars().forEach(set::set);
        return set;
    }
}
