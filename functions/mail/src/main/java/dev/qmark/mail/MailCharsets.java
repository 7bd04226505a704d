package dev.qmark.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a charset label as found in mail ({@code charset=ks_c_5601-1987}, {@code =?cp949?B?..?=})
 * to the Java charsets worth trying, best first.
 *
 * <p>Mail labels lie in predictable ways, so a label maps to the superset its senders really use
 * (the same choices browsers make, WHATWG Encoding): Korean labels to Microsoft's CP949, GB2312 to
 * GB18030, Shift_JIS to Windows-31J, ISO-2022-JP to Microsoft's CP50221 (half-width kana and NEC
 * extensions), ISO-8859-1 to Windows-1252. Java's own aliases get some of these wrong: "cp949" is
 * IBM's code page in the JDK and "ks_c_5601-1987" is plain EUC-KR.
 */
final class MailCharsets {

    static final Charset UTF_8 = StandardCharsets.UTF_8;
    static final Charset WINDOWS_1252 = orElse("windows-1252", StandardCharsets.ISO_8859_1);
    static final Charset CP949 = orElse("x-windows-949", orElse("EUC-KR", WINDOWS_1252));
    static final Charset WINDOWS_31J = orElse("windows-31j", orElse("Shift_JIS", WINDOWS_1252));
    static final Charset GB18030 = orElse("GB18030", orElse("GBK", WINDOWS_1252));
    static final Charset ISO_2022_JP = orElse("x-windows-50221", orElse("ISO-2022-JP", WINDOWS_1252));
    static final Charset ISO_2022_KR = orElse("ISO-2022-KR", WINDOWS_1252);

    private static final List<String> KOREAN = List.of("x-windows-949", "EUC-KR");
    private static final List<String> ISO_2022_JP_FAMILY =
            List.of("x-windows-50221", "x-windows-iso2022jp", "ISO-2022-JP-2", "ISO-2022-JP");
    private static final List<String> SHIFT_JIS_FAMILY = List.of("windows-31j", "Shift_JIS");
    private static final List<String> CHINESE_SIMPLIFIED = List.of("GB18030", "GBK");
    private static final List<String> CHINESE_TRADITIONAL = List.of("x-windows-950", "Big5-HKSCS", "Big5");
    private static final List<String> LATIN_1 = List.of("windows-1252", "ISO-8859-1");

    /** Labels (lower case) whose real meaning differs from, or is missing in, Java's aliases. */
    private static final Map<String, List<String>> FAMILIES = families(Map.of(
            KOREAN, "euc-kr euckr ks_c_5601-1987 ks_c_5601 ksc5601 ksc_5601 ks_c_5601-1989 korean"
                    + " csksc56011987 iso-ir-149 cp949 ms949 windows-949 x-windows-949 uhc x-uhc",
            ISO_2022_JP_FAMILY, "iso-2022-jp csiso2022jp iso-2022-jp-1 iso-2022-jp-2 iso-2022-jp-3 cp50220"
                    + " cp50221 cp50222 x-windows-50220 x-windows-50221 x-windows-iso2022jp"
                    + " windows-iso2022jp",
            SHIFT_JIS_FAMILY, "shift_jis shift-jis sjis x-sjis ms_kanji csshiftjis windows-31j cp932 ms932"
                    + " windows-932 x-ms-cp932",
            CHINESE_SIMPLIFIED, "gb2312 gbk gb18030 cp936 x-gbk euc-cn csgb2312 chinese windows-936",
            CHINESE_TRADITIONAL, "big5 big5-hkscs cp950 x-x-big5 csbig5",
            LATIN_1, "iso-8859-1 iso8859-1 iso_8859-1 latin1 l1 cp819 windows-1252 cp1252 x-cp1252"
                    + " us-ascii ascii ansi_x3.4-1968 iso646-us default",
            List.of("UTF-8"), "utf-8 utf8 unicode-1-1-utf-8"));

    private MailCharsets() {
    }

    /**
     * The charsets to try for a label, best first; empty when the label is missing or unknown (the
     * caller then guesses from the bytes).
     */
    static List<Charset> candidates(String label) {
        String key = normaliseLabel(label);
        if (key.isEmpty()) {
            return List.of();
        }
        return FAMILIES.getOrDefault(key, List.of(key)).stream().map(MailCharsets::lookup).flatMap(Optional::stream).toList();
    }

    /** True for ASCII/Latin-1 labels: misconfigured software puts them on anything, so the bytes are checked first. */
    static boolean isDefaultLabel(String label) {
        return LATIN_1.equals(FAMILIES.get(normaliseLabel(label)));
    }

    /** Lower case, without quotes or an RFC 2231 language suffix ({@code utf-8*ko}). */
    static String normaliseLabel(String label) {
        if (label == null) {
            return "";
        }
        String key = label.strip();
        if (key.length() > 40) { // no real label is that long; don't feed junk to Charset.forName
            return "";
        }
        int star = key.indexOf('*');
        if (star >= 0) {
            key = key.substring(0, star);
        }
        return key.replace("\"", "").replace("'", "").strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> families(Map<List<String>, String> labels) {
        Map<String, List<String>> families = new HashMap<>();
        labels.forEach((family, names) -> List.of(names.split(" ")).forEach(label -> families.put(label, family)));
        return Map.copyOf(families);
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) { // illegal charset name
            return Optional.empty();
        }
    }

    /** A runtime without the extended charsets (jdk.charsets) still decodes something. */
    private static Charset orElse(String name, Charset fallback) {
        return lookup(name).orElse(fallback);
    }
}
