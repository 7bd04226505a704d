package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.core.reply.ReplyIntake.Outcome.Kind;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import dev.qmark.mail.InboundMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replies on the in-memory repository: an answer is recorded once, a stranger's mail is kept for a person. */
class ReplyIntakeTest {

    private static final String SECRET = "test-reply-token-secret-0123456789";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final ReplyIntake replies = new ReplyIntake(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.reviewQueue(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel is late", 3, null), Channel.WEB)
            .feedbackId();
    private final String replyAddress = RoutingServiceTest.CONFIG.replyAddress(new ReplyTokens(SECRET).issue(id, 1));

    ReplyIntakeTest() {
        new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4))));
        clock.advance(Duration.ofMinutes(30));
    }

    private InboundMail reply(String from, String text) {
        return new InboundMail("reply-" + from + "@mail.example", List.of(), List.of(), from, null, List.of(replyAddress),
                List.of(), "Re: Order", clock.instant(), text, null, Map.of(), List.of());
    }

    @Test
    void anAnswerIsRecordedOnceAndTheFounderToldOnce() {
        int before = mail.sent().size();
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        assertEquals(Kind.ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(EscalationStatus.ANSWERED, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        assertEquals(List.of("jeff@example.com"), mail.sent().subList(before, mail.sent().size()).stream()
                .flatMap(m -> m.to().stream()).toList());
    }

    @Test
    void aHandOnIsRecordedOnceAndTheNextPersonAskedOnce() {
        InboundMail handOn = reply("dana@example.com", "? @ops\nOlivia knows the warehouse.");
        assertEquals(Kind.HANDED_ON, replies.accept(handOn, "ses-3", "inbound/3", List.of(replyAddress)).kind());
        int after = mail.sent().size();
        assertEquals(Kind.ALREADY_HANDED_ON, replies.accept(handOn, "ses-3", "inbound/3", List.of(replyAddress)).kind());
        assertEquals(after, mail.sent().size());
        var record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.HANDED_ON, record.escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.OPEN, record.escalation(2).orElseThrow().status());
        assertEquals(1, mail.sent().stream().filter(m -> m.to().contains("olivia@example.com")).count());
    }

    @Test
    void aStrangersMailIsKeptForReviewNotApplied() {
        InboundMail stranger = reply("eve@example.org", "I answer for Dana.");
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(stranger, "ses-2", "inbound/2", List.of(replyAddress)).kind());
        replies.accept(stranger, "ses-2", "inbound/2", List.of(replyAddress));
        assertEquals(List.of("ses-2"), repository.reviewQueue().reviewItems(10).stream().map(r -> r.mailId()).toList());
        assertEquals(EscalationStatus.OPEN, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
    }

    /** A second question running on the item (the next person up the chain asked too): the answer stops it. */
    private void askOpsToo() {
        new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 2, "ops", clock.instant().plus(Duration.ofHours(4))));
    }

    @Test
    void anAnswerThatDiedAfterItsFirstWriteIsFinishedByTheRedelivery() {
        askOpsToo();
        int before = mail.sent().size();
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        var record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, record.escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.OPEN, record.escalation(2).orElseThrow().status(), "not stopped yet");
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, record.escalation(2).orElseThrow().status());
        assertEquals(java.util.Optional.empty(), repository.sweepShard(id, 2), "off the sweeper's list");
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        assertEquals(record.escalation(1).orElseThrow().answeredAt(), record.escalation(2).orElseThrow().answeredAt(),
                "stopped as of the answer, not of the redelivery");
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("answered")).count());
        assertEquals(List.of("jeff@example.com"), mail.sent().subList(before, mail.sent().size()).stream()
                .flatMap(m -> m.to().stream()).toList(), "the founder told once, by the redelivery");
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(before + 1, mail.sent().size());
    }

    @Test
    void anAnswerThatDiedBeforeTheItemIsFinishedByTheRedelivery() {
        askOpsToo();
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        repository.crashes().crashAfter(2);
        assertThrows(CrashBetweenWrites.Crash.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        assertEquals(EscalationStatus.ANSWERED, repository.findRecord(id).orElseThrow().escalation(2).orElseThrow().status());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());

        // the founder's mail was claimed by the answer's write: a redelivery within its lease is told to wait
        assertThrows(TryAgainLater.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        clock.advance(SendOnce.LEASE.plusSeconds(1));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        assertEquals(1, repository.findRecord(id).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("answered")).count());
    }

    @Test
    void anotherReplyAfterACrashedAnswerIsNotAnAnswer() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        // the escalation's write decided: a second mail meanwhile is not a second answer
        assertEquals(Kind.KEPT_FOR_REVIEW, replies.accept(reply("dana@example.com", "Also: tracking is 123."), "ses-2",
                "inbound/2", List.of(replyAddress)).kind());
        // redelivered after the visibility timeout (180 s), past the lease the answer's write took on the founder's mail
        clock.advance(Duration.ofMinutes(3));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
    }

    private long founderMails() {
        return mail.sent().stream().filter(m -> m.to().contains("jeff@example.com")).count();
    }

    @Test
    void aCrashAfterTheAnswersWriteAndBeforeTheSendTellsTheFounderOnceOnRedelivery() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        // one escalation: the answer's write (with the founder's claim); the crash comes before the send
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        assertEquals(EscalationStatus.ANSWERED, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status(), "its ANSWERED is the mail's mark");
        assertEquals(0, founderMails());

        // within the dead attempt's lease nothing is sent (it might still be sending); the message comes back
        clock.advance(Duration.ofSeconds(10));
        assertThrows(TryAgainLater.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        assertEquals(0, founderMails());
        clock.advance(SendOnce.LEASE);
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails(), "marked sent on the item: never twice");
        assertEquals(1, repository.findRecord(id).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("answered")).count());
    }

    @Test
    void aCrashRightAfterTheItemsMarkSendsNothingMore() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        // the answer's write, then (after the send) the item's ANSWERED with the mark; dies right after it
        repository.crashes().crashAfter(2);
        assertThrows(CrashBetweenWrites.Crash.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        assertEquals(1, founderMails());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        // at once and after the lease: the item's mark says sent, nothing is claimed or sent
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails());
        assertEquals(1, repository.findRecord(id).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("founder-told")).count());
    }

    @Test
    void aFounderMailSesRefusedIsSentByTheRetryWhichAnswersTheItem() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        mail.failWith(new IllegalStateException("SES: maximum sending rate exceeded"));
        assertThrows(IllegalStateException.class, () -> replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        mail.failWith(null);
        var record = repository.findRecord(id).orElseThrow();
        // the escalation is answered (off the sweeper's list, what the figures count); the item follows the founder's mail
        assertEquals(EscalationStatus.ANSWERED, record.escalation(1).orElseThrow().status());
        assertEquals(java.util.Optional.empty(), repository.sweepShard(id, 1));
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertEquals(0, founderMails());

        clock.advance(Duration.ofMinutes(1));  // Lambda's retry, past the lease
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails());
        record = repository.findRecord(id).orElseThrow();
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        assertEquals(true, record.answerTold(1));
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("founder-told")).count());
    }

    @Test
    void sentButDiedBeforeTheMarkTheRetrySendsAgainAndTheFoundersQuestionMarkWaitsMeanwhile() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        // SES took the mail, then the invocation died before the item's write (its mark)
        dev.qmark.core.ports.MailSender sendsThenDies = out -> {
            mail.send(out);
            throw new IllegalStateException("killed after the send");
        };
        ReplyIntake dying = new ReplyIntake(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(),
                repository.reviewQueue(), repository.mailClaims(), sendsThenDies, new ReplyTokens(SECRET),
                repository.sentMailTexts(), null, Metrics.NONE, clock);
        assertThrows(IllegalStateException.class, () -> dying.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)));
        assertEquals(1, founderMails());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());

        // the founder answers that mail with "?" before the retry: not kept for review, tried again later
        InboundMail back = new InboundMail("q-jeff@mail.example", List.of(), List.of(), "jeff@example.com", null,
                List.of(replyAddress), List.of(), "Re: Answered: Order", clock.instant(), "?\nAsk again, please.", null,
                Map.of(), List.of());
        dev.qmark.core.mail.SenderAuthentication pass = new dev.qmark.core.mail.SenderAuthentication(true, true);
        assertThrows(TryAgainLater.class, () -> replies.accept(back, "ses-q", "inbound/q", List.of(replyAddress), pass));
        assertEquals(0, repository.reviewQueue().reviewItems(10).size());

        // the retry past the lease sends again (SendOnce's choice after a crash between send and mark) and marks
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(2, founderMails());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
        // the founder's "?" comes back and sends the answer back
        assertEquals(Kind.SENT_BACK, replies.accept(back, "ses-q", "inbound/q", List.of(replyAddress), pass).kind());
        // the answer redelivered now (the item ASKED again by the send-back): the mark says told, nothing changes
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(2, founderMails());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
    }

    @Test
    void theAnsweringAttemptSendsTheFounderItsOwnClaimAndMarksItOnTheItem() {
        InboundMail answer = reply("dana@example.com", "Shipped this morning.");
        assertEquals(Kind.ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails());
        // marked sent by the item's ANSWERED write, the timeline's "founder-told" riding on it
        var record = repository.findRecord(id).orElseThrow();
        assertEquals(true, record.answerTold(1));
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("founder-told")).count());
        // a redelivery long after the lease finds the mark: nothing is claimed or sent
        clock.advance(Duration.ofHours(1));
        assertEquals(Kind.ALREADY_ANSWERED, replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress)).kind());
        assertEquals(1, founderMails());
    }
}
