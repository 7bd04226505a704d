package dev.qmark.formintake.pages;

import java.util.Locale;
import java.util.Optional;

/** The languages the public pages are written in. */
public enum Language {
    KO("ko"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The BCP 47 primary tag: {@code ko} or {@code en}; also the value of the {@code lang} parameter. */
    public String code() {
        return code;
    }

    /** {@code ko}, {@code ko-KR}, {@code EN-us}...; empty for anything else, {@code null} included. */
    public static Optional<Language> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        String primary = dash < 0 ? t : t.substring(0, dash);
        for (Language l : values()) {
            if (l.code.equals(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language to answer in: an explicit {@code lang=ko|en} wins; then the Accept-Language entry with the
     * highest q-value among the languages we have (earlier entry on a tie, {@code q=0} means "not this one");
     * otherwise English.
     */
    public static Language fromAcceptLanguage(String header, String explicitLangParam) {
        Optional<Language> explicit = parse(explicitLangParam);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (header == null || header.isBlank()) {
            return EN;
        }
        Language best = null;
        double bestQ = 0;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            Optional<Language> lang = parse(parts[0]);
            if (lang.isEmpty()) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = -1;
                    }
                }
            }
            if (!(q > 0 && q <= 1)) {
                continue;
            }
            if (q > bestQ) {
                best = lang.get();
                bestQ = q;
            }
        }
        return best == null ? EN : best;
    }

    /** The Korean or the English text, whichever is this language. */
    String pick(String ko, String en) {
        return this == KO ? ko : en;
    }
}
