package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "? Q-…" in the founder's reply to the digest: the owner asked again once, only for the authenticated founder. */
class DigestReplyTest {

    static final QmarkConfig CONFIG = SweeperTest.CONFIG;
    private static final String SECRET = "test-reply-token-secret-0123456789";
    private static final SenderAuthentication PASS = new SenderAuthentication(true, true);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final DigestReply replies = new DigestReply(CONFIG, repository.feedbackItems(), repository.reviewQueue(), repository.mailClaims(), mail, new ReplyTokens(SECRET), clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel", 3, null), Channel.WEB).feedbackId();

    DigestReplyTest() {
        new Escalator(CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4))));
    }

    private static InboundMail reply(String from, String text) {
        return new InboundMail("<m@example.com>", List.of(), List.of(), from, null, List.of("digest@feedback.example.com"),
                List.of(), "Re: Qmark digest", Instant.parse("2026-11-24T00:00:00Z"), text, null, Map.of(), List.of());
    }

    private long asked() {
        return mail.sent().stream().filter(m -> m.to().contains("dana@example.com")).count();
    }

    @Test
    void theFounderAsksTheOwnerAgainOncePerReply() {
        long before = asked();
        DigestReply.Outcome outcome = replies.accept(reply("jeff@example.com", "? Q-" + id + " today please\n\n> Qmark digest"),
                "mail-1", "s3://b/k", PASS);
        assertEquals("reasked", outcome.kind(), outcome.toString());
        assertEquals(before + 1, asked());
        OutgoingMail again = mail.sent().getLast();
        assertTrue(again.text().startsWith("?\n\nJeff asks again: today please\n"), again.text());
        assertTrue(again.replyTo().get(0).startsWith("answer+"), again.replyTo().toString());
        replies.accept(reply("jeff@example.com", "? Q-" + id + " today please"), "mail-1", "s3://b/k", PASS); // redelivered
        assertEquals(before + 1, asked());
    }

    @Test
    void anyoneElseOrAnUnauthenticatedFounderIsKeptForReview() {
        long before = asked();
        assertEquals("kept_for_review", replies.accept(reply("dana@example.com", "? Q-" + id), "mail-2", "s3://b/k", PASS).kind());
        assertEquals("kept_for_review", replies.accept(reply("jeff@example.com", "? Q-" + id), "mail-3", "s3://b/k",
                SenderAuthentication.UNKNOWN).kind());
        assertEquals("kept_for_review", replies.accept(reply("jeff@example.com", "thanks!"), "mail-4", "s3://b/k", PASS).kind());
        assertEquals(before, asked());
        assertEquals(3, repository.reviewQueue().reviewItems(10, null).items().size());
    }
}
