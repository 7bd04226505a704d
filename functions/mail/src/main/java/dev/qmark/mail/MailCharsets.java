package dev.qmark.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final Map<String, List<String>> FAMILIES = Map.ofEntries(
            Map.entry("euc-kr", KOREAN), Map.entry("euckr", KOREAN), Map.entry("ks_c_5601-1987", KOREAN),
            Map.entry("ks_c_5601", KOREAN), Map.entry("ksc5601", KOREAN), Map.entry("ksc_5601", KOREAN),
            Map.entry("ks_c_5601-1989", KOREAN), Map.entry("korean", KOREAN),
            Map.entry("csksc56011987", KOREAN), Map.entry("iso-ir-149", KOREAN),
            Map.entry("cp949", KOREAN), Map.entry("ms949", KOREAN), Map.entry("windows-949", KOREAN),
            Map.entry("x-windows-949", KOREAN), Map.entry("uhc", KOREAN), Map.entry("x-uhc", KOREAN),
            Map.entry("iso-2022-jp", ISO_2022_JP_FAMILY), Map.entry("csiso2022jp", ISO_2022_JP_FAMILY),
            Map.entry("iso-2022-jp-1", ISO_2022_JP_FAMILY), Map.entry("iso-2022-jp-2", ISO_2022_JP_FAMILY),
            Map.entry("iso-2022-jp-3", ISO_2022_JP_FAMILY), Map.entry("cp50220", ISO_2022_JP_FAMILY),
            Map.entry("cp50221", ISO_2022_JP_FAMILY), Map.entry("cp50222", ISO_2022_JP_FAMILY),
            Map.entry("x-windows-50220", ISO_2022_JP_FAMILY), Map.entry("x-windows-50221", ISO_2022_JP_FAMILY),
            Map.entry("x-windows-iso2022jp", ISO_2022_JP_FAMILY), Map.entry("windows-iso2022jp", ISO_2022_JP_FAMILY),
            Map.entry("shift_jis", SHIFT_JIS_FAMILY), Map.entry("shift-jis", SHIFT_JIS_FAMILY),
            Map.entry("sjis", SHIFT_JIS_FAMILY), Map.entry("x-sjis", SHIFT_JIS_FAMILY),
            Map.entry("ms_kanji", SHIFT_JIS_FAMILY), Map.entry("csshiftjis", SHIFT_JIS_FAMILY),
            Map.entry("windows-31j", SHIFT_JIS_FAMILY), Map.entry("cp932", SHIFT_JIS_FAMILY),
            Map.entry("ms932", SHIFT_JIS_FAMILY), Map.entry("windows-932", SHIFT_JIS_FAMILY),
            Map.entry("x-ms-cp932", SHIFT_JIS_FAMILY),
            Map.entry("gb2312", CHINESE_SIMPLIFIED), Map.entry("gbk", CHINESE_SIMPLIFIED),
            Map.entry("gb18030", CHINESE_SIMPLIFIED), Map.entry("cp936", CHINESE_SIMPLIFIED),
            Map.entry("x-gbk", CHINESE_SIMPLIFIED), Map.entry("euc-cn", CHINESE_SIMPLIFIED),
            Map.entry("csgb2312", CHINESE_SIMPLIFIED), Map.entry("chinese", CHINESE_SIMPLIFIED),
            Map.entry("windows-936", CHINESE_SIMPLIFIED),
            Map.entry("big5", CHINESE_TRADITIONAL), Map.entry("big5-hkscs", CHINESE_TRADITIONAL),
            Map.entry("cp950", CHINESE_TRADITIONAL), Map.entry("x-x-big5", CHINESE_TRADITIONAL),
            Map.entry("csbig5", CHINESE_TRADITIONAL),
            Map.entry("iso-8859-1", LATIN_1), Map.entry("iso8859-1", LATIN_1), Map.entry("iso_8859-1", LATIN_1),
            Map.entry("latin1", LATIN_1), Map.entry("l1", LATIN_1), Map.entry("cp819", LATIN_1),
            Map.entry("windows-1252", LATIN_1), Map.entry("cp1252", LATIN_1), Map.entry("x-cp1252", LATIN_1),
            Map.entry("us-ascii", LATIN_1), Map.entry("ascii", LATIN_1), Map.entry("ansi_x3.4-1968", LATIN_1),
            Map.entry("iso646-us", LATIN_1), Map.entry("default", LATIN_1),
            Map.entry("utf-8", List.of("UTF-8")), Map.entry("utf8", List.of("UTF-8")),
            Map.entry("unicode-1-1-utf-8", List.of("UTF-8")));

    /**
     * Labels that misconfigured software puts on anything: mail labelled with one of these is
     * checked for UTF-8 or CJK bytes before the label is believed.
     */
    private static final List<String> DEFAULT_LABELS = List.of(
            "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "default", "iso-8859-1", "iso8859-1",
            "iso_8859-1", "latin1", "l1", "cp819", "windows-1252", "cp1252", "x-cp1252");

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
        List<String> names = FAMILIES.get(key);
        List<Charset> result = new ArrayList<>();
        if (names != null) {
            names.forEach(name -> lookup(name).ifPresent(result::add));
        } else {
            lookup(key).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** True for ASCII/Latin-1 labels that are too often a lie to be trusted over the bytes. */
    static boolean isDefaultLabel(String label) {
        return DEFAULT_LABELS.contains(normaliseLabel(label));
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
