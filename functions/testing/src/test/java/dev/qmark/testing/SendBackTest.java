package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.core.reply.ReplyIntake.Outcome.Kind;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The founder's "?" on an answer, on the in-memory repository: the same owner is asked again as
 * the next step, with a fresh deadline and the founder's note on top; once, however often the mail
 * arrives; only from the founder, authenticated, and only with a bare "?".
 */
class SendBackTest {

    private static final String SECRET = "test-reply-token-secret-0123456789";
    private static final SenderAuthentication PASSED = new SenderAuthentication(true, true);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final ReplyIntake replies = new ReplyIntake(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.reviewQueue(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel is late", 3, null), Channel.WEB)
            .feedbackId();
    private final String replyAddress = RoutingServiceTest.CONFIG.replyAddress(new ReplyTokens(SECRET).issue(id, 1));

    SendBackTest() {
        new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4))));
        clock.advance(Duration.ofMinutes(30));
        replies.accept(reply("dana@example.com", "Shipped this morning."), "ses-answer", "inbound/a",
                List.of(replyAddress));
        clock.advance(Duration.ofMinutes(30));
    }

    private InboundMail reply(String from, String text) {
        return new InboundMail("reply-" + from + "-" + clock.instant() + "@mail.example", List.of(), List.of(), from, null,
                List.of(replyAddress), List.of(), "Re: Answered: Order", clock.instant(), text, null, Map.of(), List.of());
    }

    private OutgoingMail answeredMail() {
        return mail.sent().stream().filter(m -> m.subject().startsWith("Answered: ")).findFirst().orElseThrow();
    }

    @Test
    void theAnsweredMailRepliesToTheAnsweredEscalationAndSaysHowToSendItBack() {
        OutgoingMail answered = answeredMail();
        assertEquals(List.of(replyAddress), answered.replyTo());
        assertTrue(answered.text().contains("Reply with ? on the first line to send it back to Dana"), answered.text());
    }

    @Test
    void theFoundersQuestionMarkAsksTheSameOwnerAgainOnce() {
        InboundMail back = reply("jeff@example.com", "?\nWhy was it late in the first place?\n\nOn Mon, Qmark wrote:\n> Dana answered");
        int before = mail.sent().size();
        ReplyIntake.Outcome outcome = replies.accept(back, "ses-back", "inbound/b", List.of(replyAddress), PASSED);
        assertEquals(Kind.SENT_BACK, outcome.kind(), outcome.reason());
        assertEquals(Kind.ALREADY_SENT_BACK,
                replies.accept(back, "ses-back", "inbound/b", List.of(replyAddress), PASSED).kind());

        List<OutgoingMail> sent = mail.sent().subList(before, mail.sent().size());
        assertEquals(1, sent.size(), "one \"?\" to Dana, however often the mail arrives");
        OutgoingMail again = sent.get(0);
        assertEquals(List.of("dana@example.com"), again.to());
        assertTrue(again.text().startsWith("?\n\nNot good enough yet: what happened, why, what changes?\n"
                + "Jeff sent your answer back with a note:\n> Why was it late in the first place?"), again.text());
        assertTrue(again.text().contains("> Shipped this morning."), "the answer sent back is shown");
        assertEquals(List.of(RoutingServiceTest.CONFIG.replyAddress(new ReplyTokens(SECRET).issue(id, 2))),
                again.replyTo());

        var record = repository.findRecord(id).orElseThrow();
        Escalation answered = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, answered.status(), "the answer stays on record");
        assertEquals("Shipped this morning.", answered.answer());
        Escalation asked = record.escalation(2).orElseThrow();
        assertEquals(EscalationStatus.OPEN, asked.status());
        assertEquals("delivery", asked.owner());
        assertEquals(clock.instant().plus(Duration.ofHours(4)), asked.dueAt(), "a fresh deadline, from now");
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("sent-back")).count());
    }

    @Test
    void theNewAnswerReachesTheFounderAndCanBeSentBackAgain() {
        replies.accept(reply("jeff@example.com", "?"), "ses-back", "inbound/b", List.of(replyAddress), PASSED);
        String second = RoutingServiceTest.CONFIG.replyAddress(new ReplyTokens(SECRET).issue(id, 2));
        InboundMail answer = new InboundMail("again@mail.example", List.of(), List.of(), "dana@example.com", null,
                List.of(second), List.of(), "Re: ? Order", clock.instant(), "The courier lost it; we changed courier.",
                null, Map.of(), List.of());
        assertEquals(Kind.ANSWERED, replies.accept(answer, "ses-again", "inbound/c", List.of(second)).kind());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        assertEquals(2, mail.sent().stream().filter(m -> m.subject().startsWith("Answered: ")).count());
    }

    @Test
    void theSameAnswerIsNotSentBackTwice() {
        assertEquals(Kind.SENT_BACK, replies.accept(reply("jeff@example.com", "?"), "ses-back", "inbound/b",
                List.of(replyAddress), PASSED).kind());
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(reply("jeff@example.com", "?\nAgain."), "ses-back-2",
                "inbound/b2", List.of(replyAddress), PASSED).kind());
        assertEquals(2, repository.findRecord(id).orElseThrow().escalations().size());
    }

    @Test
    void anUnauthenticatedQuestionMarkChangesNothing() {
        int before = mail.sent().size();
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(reply("jeff@example.com", "?"), "ses-forged", "inbound/f",
                List.of(replyAddress), SenderAuthentication.UNKNOWN).kind());
        assertEquals(before, mail.sent().size());
        assertEquals(1, repository.findRecord(id).orElseThrow().escalations().size());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
    }

    @Test
    void onlyTheFoundersBareQuestionMarkSendsBack() {
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(reply("dana@example.com", "?\nI want another go."),
                "ses-owner", "inbound/o", List.of(replyAddress), PASSED).kind());
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(reply("jeff@example.com", "Thanks, good answer."),
                "ses-thanks", "inbound/t", List.of(replyAddress), PASSED).kind());
        assertEquals(1, repository.findRecord(id).orElseThrow().escalations().size());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
    }
}
