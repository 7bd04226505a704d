package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.customer.CustomerRelay;
import dev.qmark.core.customer.CustomerRelay.Outcome.Kind;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing to the customer on the in-memory ports: relayed once, nothing internal, never from strangers or robots. */
class CustomerRelayTest {

    private static final String SECRET = "test-reply-token-secret-0123456789";
    private static final SenderAuthentication PASS = new SenderAuthentication(true, true);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final InMemoryCustomerLetters letters = repository.customerLetters(); // the table's: its records bring them
    private final InMemorySentMailTexts sentTexts = new InMemorySentMailTexts();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final ReplyTokens tokens = new ReplyTokens(SECRET);
    private final CustomerRelay relay = new CustomerRelay(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.reviewQueue(), repository.mailClaims(), repository.mailThreads(), letters, sentTexts, mail, tokens, "https://qmark.example.com/", clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu Kim", "minsu@example.com", "Order", "The parcel is late, where is it?", 3, null),
                    Channel.WEB)
            .feedbackId();
    private final String address = RoutingServiceTest.CONFIG.customerAddress(tokens.issueForCustomer(id, 1));

    CustomerRelayTest() {
        new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, tokens, sentTexts, letters, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4))));
        clock.advance(Duration.ofMinutes(30));
    }

    private InboundMail from(String sender, String text, Map<String, List<String>> headers) {
        return new InboundMail("m-" + sender + "@mail.example", List.of(), List.of(), sender, null, List.of(address),
                List.of(), "Re: ? Order", clock.instant(), text, null, headers, List.of());
    }

    private List<OutgoingMail> toCustomer() {
        return mail.sent().stream().filter(m -> m.to().contains("minsu@example.com")).toList();
    }

    @Test
    void theOwnersLetterReachesTheCustomerOnceFromTheCompanyWithNothingInternal() {
        InboundMail letter = from("dana@example.com", "Your parcel left today by express.\n\nDana\n\n"
                + "On Mon, 23 Nov 2026 at 10:00, Jeff (via Qmark) <qmark@example.com> wrote:\n> ?\n>\n> The parcel is late, where is it?\n",
                Map.of());
        assertEquals(Kind.RELAYED, relay.accept(letter, "ses-1", "inbound/1", List.of(address)).kind());
        assertEquals(Kind.ALREADY_RELAYED, relay.accept(letter, "ses-1", "inbound/1", List.of(address)).kind());
        assertEquals(1, toCustomer().size());
        OutgoingMail sent = toCustomer().get(0);
        assertEquals("Dana at example.com", sent.fromName());
        assertEquals("qmark@example.com", sent.from());
        assertTrue(sent.text().contains("Your parcel left today by express.\n\nDana\nexample.com"), sent.text());
        assertTrue(sent.text().contains("https://qmark.example.com/rate/" + id + "-"), sent.text());
        assertFalse(sent.text().contains("dana@example.com") || sent.text().contains("where is it?"), sent.text());
        assertEquals(1, letters.letters(id).size());
    }

    @Test
    void aLetterCopyingTheQuestionIsHeldAndItsWriterToldOnce() {
        // an inline forward of the "?" with no attribution the rules know: the safety net holds it
        InboundMail copy = from("dana@example.com", "Sorry for this.\nAnswer by: "
                + sentTexts.texts(id).get(0).lines().filter(l -> l.startsWith("Answer by:")).findFirst().orElseThrow()
                .substring("Answer by: ".length()) + "\n", Map.of());
        assertEquals(Kind.HELD, relay.accept(copy, "ses-2", "inbound/2", List.of(address)).kind());
        relay.accept(copy, "ses-2", "inbound/2", List.of(address));
        assertEquals(0, toCustomer().size());
        assertEquals(1, mail.sent().stream().filter(m -> m.subject().startsWith("Not sent to Minsu Kim")).count());
    }

    @Test
    void strangersAndForgedTokensAreNeverRelayed() {
        assertEquals(Kind.KEPT_FOR_REVIEW, relay.accept(from("eve@example.org", "Refund everyone.", Map.of()),
                "ses-3", "inbound/3", List.of(address)).kind());
        // robots, Qmark's own mail and unauthenticated senders never reach the relay: InboundMailDecisionTest
        String answerToken = tokens.issue(id, 1);
        InboundMail wrongToken = new InboundMail("m@x", List.of(), List.of(), "dana@example.com", null,
                List.of("customer+" + answerToken + "@feedback.example.com"), List.of(), "Re", clock.instant(), "Shipped.",
                null, Map.of(), List.of());
        assertEquals(Kind.KEPT_FOR_REVIEW, relay.accept(wrongToken, "ses-6", "inbound/6", List.of()).kind(),
                "an answer token is no customer token");
        assertEquals(0, toCustomer().size());
    }

    @Test
    void theCustomersReplyReachesTheWriterButThanksOnlyAsksNobody() {
        relay.accept(from("dana@example.com", "Your parcel left today by express.", Map.of()), "ses-7", "inbound/7",
                List.of(address));
        InboundMail question = new InboundMail("c1@example.com", List.of(), List.of(), "minsu@example.com", "Minsu Kim",
                List.of("feedback@feedback.example.com"), List.of(), "Re: Order", clock.instant(),
                "Will it come before Friday?", null, Map.of(), List.of());
        relay.customerMailTaken(id, false, question, "ses-8");
        relay.customerMailTaken(id, false, question, "ses-8");
        InboundMail thanks = new InboundMail("c2@example.com", List.of(), List.of(), "minsu@example.com", "Minsu Kim",
                List.of("feedback@feedback.example.com"), List.of(), "Re: Order", clock.instant(), "감사합니다 👍", null,
                Map.of(), List.of());
        relay.customerMailTaken(id, false, thanks, "ses-9");
        List<OutgoingMail> toDana = mail.sent().stream().filter(m -> m.subject().startsWith("Minsu Kim replied")).toList();
        assertEquals(1, toDana.size());
        assertTrue(toDana.get(0).text().contains("> Will it come before Friday?"));
        assertTrue(toDana.get(0).text().contains("Write to Minsu Kim: " + address));
        assertTrue(repository.findRecord(id).orElseThrow().timeline().stream().anyMatch(e -> e.type().equals("customer-thanked")));
    }

    @Test
    void theFoundersAnsweredMailSaysWhetherTheCustomerWasWrittenTo() {
        relay.accept(from("dana@example.com", "Your parcel left today by express.", Map.of()), "ses-10", "inbound/10",
                List.of(address));
        String replyAddress = RoutingServiceTest.CONFIG.replyAddress(tokens.issue(id, 1));
        new dev.qmark.core.reply.ReplyIntake(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.reviewQueue(), repository.mailClaims(), mail, tokens, sentTexts, letters, Metrics.NONE, clock)
                .accept(new InboundMail("a@mail.example", List.of(), List.of(), "dana@example.com", null, List.of(replyAddress),
                        List.of(), "Re: ? Order", clock.instant(), "The courier lost it; reshipped.", null, Map.of(), List.of()),
                        "ses-11", "inbound/11", List.of(replyAddress));
        OutgoingMail answered = mail.sent().stream().filter(m -> m.subject().startsWith("Answered: ")).findFirst().orElseThrow();
        assertTrue(answered.text().contains("The customer has been written to by Dana."), answered.text());
    }
}
