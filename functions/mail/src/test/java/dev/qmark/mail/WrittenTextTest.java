package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The safety net: replies that reproduce the "?" Qmark sent in ways the marker rules do not know,
 * each run through {@link ReplyText} first, as the reply intake does.
 */
class WrittenTextTest {

    /** The plain text of a "?" as {@code QuestionMail} writes it. */
    private static final String QUESTION = """
            ?

            > The export button has done nothing since Tuesday. I need the March
            > invoices for my accountant by Friday.

            From:      Mina Park <mina@example.com>
            Channel:   mail
            Arrived:   Mon 23 Nov 2026, 09:12 (Asia/Seoul)
            Answer by: Tue 24 Nov 2026, 09:12 (within 1 business day)

            Find out what happened, why, and what changes so it never happens again.
            Just reply to this mail: your answer goes to Jeff <jeff@qmark.example> and into the customer's record.
            To hand it on, reply with "? @alias" on the first line.

            Reference: 01JD3Z8K4Q
            """;

    private static String answer(String body) {
        return WrittenText.cut(ReplyText.newText(body), List.of(QUESTION));
    }

    @Test
    void outlookWithNoQuoteMarkerIsCutWhereTheQuestionStarts() {
        String body = """
                The export job hit the new rate limit. Fixed and re-run; Mina has her invoices.

                ?

                The export button has done nothing since Tuesday. I need the March
                invoices for my accountant by Friday.

                From:      Mina Park <mina@example.com>
                Channel:   mail
                """;
        assertEquals("The export job hit the new rate limit. Fixed and re-run; Mina has her invoices.", answer(body));
    }

    @Test
    void aQuoteHeaderInALanguageNoRuleKnowsGoesWithTheQuote() {
        // Hungarian: not in QuoteLanguages, and without ">" the marker rules cannot tell it is a quote
        String body = """
                A hiba javítva, a számlák elkészültek.

                2026. nov. 23., hétfő 09:12 időpontban Qmark <answer+tok@qmark.example> ezt írta:

                ?

                The export button has done nothing since Tuesday. I need the March
                invoices for my accountant by Friday.
                """;
        assertEquals("A hiba javítva, a számlák elkészültek.", answer(body));
    }

    @Test
    void aFrenchReplyWithItsQuoteHeaderAndAnIndentedQuote() {
        String body = """
                C'est corrigé : la limite de débit bloquait l'export.

                Le lun. 23 nov. 2026 à 09:12, Qmark <answer+tok@qmark.example> a écrit :

                    ?
                    The export button has done nothing since Tuesday. I need the March
                    invoices for my accountant by Friday.
                    From:      Mina Park <mina@example.com>
                """;
        assertEquals("C'est corrigé : la limite de débit bloquait l'export.", answer(body));
    }

    @Test
    void gmailQuotesAreStillCutByTheMarkersAndTheNetLeavesTheAnswerAlone() {
        String body = """
                Rate limit. Fixed, and an alert added so it pages us next time.

                On Mon, Nov 23, 2026 at 9:12 AM Qmark <answer+tok@qmark.example> wrote:
                > ?
                >
                > > The export button has done nothing since Tuesday. I need the March
                > > invoices for my accountant by Friday.
                """;
        assertEquals("Rate limit. Fixed, and an alert added so it pages us next time.", answer(body));
    }

    @Test
    void aQuoteReWrappedByTheClientStillMatches() {
        String body = """
                Fixed.

                | The export button has done
                | nothing since Tuesday. I need the
                | March invoices for my accountant by Friday.
                """;
        assertEquals("Fixed.", answer(body));
    }

    @Test
    void oneLongCopiedLineIsARunOnItsOwn() {
        String body = """
                Done, see the ticket.
                Find out what happened, why, and what changes so it never happens again.
                """;
        assertEquals("Done, see the ticket.", answer(body));
    }

    @Test
    void oneShortPhraseOfTheQuestionInTheAnswerIsTheOwnersOwn() {
        String body = """
                Mina wrote that the export button has done nothing since Tuesday.
                It was the rate limit, fixed now.
                """;
        assertEquals("""
                Mina wrote that the export button has done nothing since Tuesday.
                It was the rate limit, fixed now.""", answer(body));
    }

    @Test
    void twoShortMatchingLinesInARunAreCut() {
        String text = "Fixed now.\nChannel:   mail\nFrom:      Mina Park <mina@example.com>";
        assertEquals("Fixed now.", WrittenText.cut(text, List.of(QUESTION)));
    }

    @Test
    void aMatchingLineBetweenTheOwnersOwnLinesDoesNotStartARun() {
        String text = "Channel:   mail\nWe changed the export limits today.\nFrom:      Mina Park <mina@example.com>";
        assertEquals(text, WrittenText.cut(text, List.of(QUESTION)));
    }

    @Test
    void aReplyThatIsOnlyTheCopyIsLeftAsItCame() {
        String text = "Find out what happened, why, and what changes so it never happens again.";
        assertEquals(text, WrittenText.cut(text, List.of(QUESTION)));
    }

    @Test
    void withNothingKeptTheTextIsUnchanged() {
        assertEquals("Fixed.", WrittenText.cut("Fixed.", List.of()));
        assertEquals("", WrittenText.cut(null, List.of(QUESTION)));
    }

    @Test
    void strictModeFindsAnyLineOfAnInternalMail() {
        assertTrue(WrittenText.anyLineRemains("Dear Mina, sorry.\n> Answer by: Tue 24 Nov 2026, 09:12", List.of(QUESTION)));
        assertTrue(WrittenText.anyLineRemains("Sorry! Reference: 01JD3Z8K4Q", List.of(QUESTION)));
        assertFalse(WrittenText.anyLineRemains("Dear Mina, sorry: the export is fixed and your invoices are attached.",
                List.of(QUESTION)));
        assertFalse(WrittenText.anyLineRemains("Thanks,\nJeff", List.of(QUESTION)));
    }
}
