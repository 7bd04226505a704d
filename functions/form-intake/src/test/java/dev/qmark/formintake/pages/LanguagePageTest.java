package dev.qmark.formintake.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguagePageTest {

    @Test
    void explicitParameterWins() {
        assertEquals(Language.KO, Language.fromAcceptLanguage("en-US,en;q=0.9", "ko"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("ko-KR,ko;q=0.9", "en"));
        assertEquals(Language.KO, Language.fromAcceptLanguage(null, " KO "));
    }

    @Test
    void unknownExplicitParameterFallsBackToHeader() {
        assertEquals(Language.KO, Language.fromAcceptLanguage("ko-KR,ko;q=0.9", "fr"));
        assertEquals(Language.KO, Language.fromAcceptLanguage("ko", ""));
    }

    @Test
    void highestQualityWins() {
        assertEquals(Language.KO, Language.fromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("fr;q=1, ko;q=0.3, en;q=0.5", null));
        assertEquals(Language.KO, Language.fromAcceptLanguage("en;q=0.2, ko", null));
        assertEquals(Language.KO, Language.fromAcceptLanguage("de-DE, ko;q=0.4", null));
    }

    @Test
    void tieGoesToTheEarlierEntry() {
        assertEquals(Language.KO, Language.fromAcceptLanguage("ko, en", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en;q=0.5, ko;q=0.5", null));
    }

    @Test
    void zeroAndMalformedQualitiesAreIgnored() {
        assertEquals(Language.EN, Language.fromAcceptLanguage("ko;q=0, en;q=0.1", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("ko;q=0", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("ko;q=abc", null));
    }

    @Test
    void defaultIsEnglish() {
        assertEquals(Language.EN, Language.fromAcceptLanguage(null, null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("*", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("fr-FR,fr;q=0.9,ja;q=0.8", null));
        assertEquals(Language.EN, Language.fromAcceptLanguage(",;;q=,", null));
    }
}
