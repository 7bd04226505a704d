package dev.qmark.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.intake.InboundMailDecision.Answer;
import dev.qmark.core.intake.InboundMailDecision.CustomerMail;
import dev.qmark.core.intake.InboundMailDecision.Decision;
import dev.qmark.core.intake.InboundMailDecision.KeepForReview;
import dev.qmark.core.intake.InboundMailDecision.Quarantined;
import dev.qmark.core.intake.InboundMailDecision.Robot;
import dev.qmark.core.intake.InboundMailDecision.ToCustomer;
import dev.qmark.core.intake.InboundMailDecision.StaffForward;
import dev.qmark.core.mail.ReceiptVerdicts;
import dev.qmark.core.mail.ReceiptVerdicts.Verdict;
import dev.qmark.mail.MimeParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a received mail is, from the mail and SES's verdicts as plain values: no emulator, no table. */
class InboundMailDecisionTest {

    static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            forwarders: [assistant@example.com]
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: rest, owner: ops, answerWithin: PT24H }
            """, "test");
    static final String FEEDBACK = "feedback@feedback.example.com";
    static final String REPLY = "answer+abc123.1.mac@feedback.example.com";
    static final ReceiptVerdicts PASSING = verdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS);

    final InboundMailDecision decision = new InboundMailDecision(CONFIG);

    static ReceiptVerdicts verdicts(Verdict spf, Verdict dkim, Verdict dmarc) {
        return new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, spf, dkim, dmarc);
    }

    private Decision decide(String headers, String body, String to, ReceiptVerdicts verdicts) {
        String raw = headers + "To: " + to + "\r\nSubject: s\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body;
        return decision.decide(new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8)), List.of(to), verdicts);
    }

    private static final String GMAIL_FORWARD = "?\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Minji Choi <minji@example.org>\r\nDate: Mon, Nov 23, 2026 at 9:12 AM\r\n"
            + "Subject: Where is my order?\r\nTo: Jeff <jeff@example.com>\r\n\r\nNothing arrived.\r\n";

    static final String TO_CUSTOMER = "customer+abc123-1-mac@feedback.example.com";

    @Test
    void mailToACustomerAddressIsRelayedOnlyFromAnAuthenticatedPerson() {
        assertEquals(new ToCustomer("abc123-1-mac"), decide("From: dana@example.com\r\n", "Shipped.", TO_CUSTOMER, PASSING));
        // an out-of-office reply, a bounce: never a letter to a customer
        Decision robot = decide("From: dana@example.com\r\nAuto-Submitted: auto-replied\r\n", "Away", TO_CUSTOMER, PASSING);
        assertTrue(robot instanceof Robot r && r.toReplyAddress(), robot.toString());
        // a From header alone is anyone's: it goes out under the company's name only when SPF or DKIM passes
        Decision unauthenticated = decide("From: dana@example.com\r\n", "Shipped.", TO_CUSTOMER,
                verdicts(Verdict.FAIL, Verdict.GRAY, Verdict.NONE));
        assertTrue(unauthenticated instanceof KeepForReview k && k.reason().contains("SPF or DKIM"), unauthenticated.toString());
        // Qmark's own mail (its sender writes only automatic mail) is never a letter either
        Decision own = decide("From: qmark@example.com\r\n", "loop", TO_CUSTOMER, PASSING);
        assertTrue(own instanceof Robot || own instanceof KeepForReview, own.toString());
    }

    @Test
    void aPersonsMailToTheFeedbackAddressIsCustomerMail() {
        assertInstanceOf(CustomerMail.class, decide("From: Minsu <minsu@example.org>\r\n", "Late.", FEEDBACK, PASSING));
        // no verdicts at all (an S3 notification): still a customer's mail, just not a command
        assertInstanceOf(CustomerMail.class, decide("From: minsu@example.org\r\n", "Late.", FEEDBACK, ReceiptVerdicts.NONE));
    }

    @Test
    void mailToAReplyAddressIsAnAnswerWithItsToken() {
        Decision d = decide("From: Dana <dana@example.com>\r\n", "Done.", REPLY, PASSING);
        assertEquals(new Answer("abc123.1.mac"), d);
    }

    @Test
    void virusAndSpamAreQuarantinedBeforeAnythingIsRead() {
        ReceiptVerdicts virus = new ReceiptVerdicts(Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS);
        ReceiptVerdicts spam = new ReceiptVerdicts(Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS);
        assertEquals(new Quarantined("quarantined: SES virus verdict FAIL"),
                decide("From: jeff@example.com\r\n", GMAIL_FORWARD, FEEDBACK, virus));
        assertEquals(new Quarantined("quarantined: SES spam verdict FAIL"), decide("From: dana@example.com\r\n", "ok", REPLY, spam));
    }

    @Test
    void aSenderSesCouldNotAuthenticateIsQuarantined() {
        assertEquals(new Quarantined("sender not authenticated: SES DMARC verdict FAIL"),
                decide("From: minsu@example.org\r\n", "x", FEEDBACK, verdicts(Verdict.PASS, Verdict.PASS, Verdict.FAIL)));
        assertEquals(new Quarantined("sender not authenticated: SES SPF and DKIM verdicts FAIL"),
                decide("From: minsu@example.org\r\n", "x", FEEDBACK, verdicts(Verdict.FAIL, Verdict.FAIL, Verdict.NONE)));
        // one of them failing, or GRAY, is not enough to quarantine a customer
        assertInstanceOf(CustomerMail.class,
                decide("From: minsu@example.org\r\n", "x", FEEDBACK, verdicts(Verdict.FAIL, Verdict.GRAY, Verdict.NONE)));
    }

    @Test
    void robotsAreNeverAnswersNorFeedbackAndTheDecisionSaysWhereTheyCame() {
        // a bounce report to a reply address is a robot's; an owner's out-of-office reply is the one robot mail applied
        Decision toReply = decide("From: MAILER-DAEMON@mx.example.org\r\nAuto-Submitted: auto-generated\r\n", "Undeliverable",
                REPLY, PASSING);
        assertTrue(toReply instanceof Robot r && r.toReplyAddress(), toReply.toString());
        Decision away = decide("From: dana@example.com\r\nAuto-Submitted: auto-replied\r\n", "Away", REPLY, PASSING);
        assertTrue(away instanceof InboundMailDecision.OwnerAway, away.toString());
        Decision toFeedback = decide("From: MAILER-DAEMON@mx.example.org\r\n", "Undeliverable", FEEDBACK, PASSING);
        assertTrue(toFeedback instanceof Robot r && !r.toReplyAddress(), toFeedback.toString());
    }

    @Test
    void qmarksOwnMailAndMailWithoutASenderAreKept() {
        assertTrue(decide("From: x@feedback.example.com\r\n", "loop?", FEEDBACK, PASSING) instanceof KeepForReview k
                && k.reason().contains("never becomes feedback"));
        assertTrue(decide("From: x@feedback.example.com\r\n", "loop?", REPLY, PASSING) instanceof KeepForReview k
                && k.reason().contains("never applied"));
        assertTrue(decide("From: not an address\r\n", "who?", FEEDBACK, PASSING) instanceof KeepForReview k
                && k.reason().contains("no sender"));
    }

    @Test
    void aStaffForwardWithAQuestionMarkIsACommandOnlyWhenSpfOrDkimPasses() {
        Decision founder = decide("From: Jeff <jeff@example.com>\r\n", GMAIL_FORWARD, FEEDBACK,
                verdicts(Verdict.FAIL, Verdict.PASS, Verdict.NONE));
        assertTrue(founder instanceof StaffForward f && f.command().forwarded().from().address().equals("minji@example.org")
                && f.command().alias() == null, founder.toString());
        assertInstanceOf(StaffForward.class, decide("From: dana@example.com\r\n", GMAIL_FORWARD, FEEDBACK, PASSING));
        assertInstanceOf(StaffForward.class, decide("From: assistant@example.com\r\n", GMAIL_FORWARD, FEEDBACK, PASSING));
        Decision unauthenticated = decide("From: Jeff <jeff@example.com>\r\n", GMAIL_FORWARD, FEEDBACK, ReceiptVerdicts.NONE);
        assertTrue(unauthenticated instanceof KeepForReview k && k.reason().contains("SPF or DKIM"), unauthenticated.toString());
    }

    @Test
    void aForwardWithAnAliasNamesTheOwner() {
        Decision d = decide("From: jeff@example.com\r\n", GMAIL_FORWARD.replaceFirst("\\?", "? @delivery"), FEEDBACK, PASSING);
        assertTrue(d instanceof StaffForward f && "delivery".equals(f.command().alias()), d.toString());
    }

    @Test
    void aForwardFromAStrangerOrWithoutTheQuestionMarkIsTheSendersOwnMail() {
        assertInstanceOf(CustomerMail.class, decide("From: someone@example.net\r\n", GMAIL_FORWARD, FEEDBACK, PASSING));
        assertInstanceOf(CustomerMail.class,
                decide("From: jeff@example.com\r\n", GMAIL_FORWARD.replaceFirst("\\?", "FYI"), FEEDBACK, PASSING));
    }

    @Test
    void anAttachedMessageUnderAQuestionMarkIsAForwardFromItsSender() {
        String raw = "From: Jeff <jeff@example.com>\r\nTo: " + FEEDBACK + "\r\nSubject: Fwd: Broken\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n?\r\nPlease look.\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
                + "From: \"Kim, Minsu\" <minsu@example.org>\r\nDate: Fri, 04 Dec 2026 21:12:00 +0900\r\nSubject: Broken\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe export button does nothing.\r\n--b--\r\n";
        Decision d = decision.decide(new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8)), List.of(FEEDBACK), PASSING);
        assertTrue(d instanceof StaffForward, d.toString());
        var original = ((StaffForward) d).command().forwarded();
        assertEquals("minsu@example.org", original.from().address());
        assertEquals("Kim, Minsu", original.from().displayName());
        assertEquals("Broken", original.subject());
        assertEquals("The export button does nothing.", original.body());
        assertEquals("Please look.", original.note());
        assertEquals("Fri, 04 Dec 2026 21:12:00 +0900", original.date());
        assertNull(((StaffForward) d).command().alias());
    }

    @Test
    void verdictsReadFromSesStatusText() {
        assertEquals(Verdict.PASS, Verdict.of("pass"));
        assertEquals(Verdict.PROCESSING_FAILED, Verdict.of("PROCESSING_FAILED"));
        assertEquals(Verdict.NONE, Verdict.of(null));
        assertEquals(Verdict.NONE, Verdict.of("SOMETHING_NEW"));
        assertTrue(PASSING.authentication().passes());
        assertTrue(!ReceiptVerdicts.NONE.authentication().passes());
    }
}
