package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.ports.FormAcknowledgements;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.mail.InboundMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures count what happened once: a retried post, a redelivered request or mail adds nothing. */
class MetricsTest {

    private static final String SECRET = "test-reply-token-secret-0123456789";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void receivedAskedAndAnsweredLateAreEachCountedOnce() {
        FeedbackIntake intake = new FeedbackIntake(repository.feedbackItems(), feedbackId -> { }, FormAcknowledgements.NONE, metrics, clock);
        Submission post = new Submission("Minsu", "minsu@example.com", "Order", "The parcel is late", 3, "key-1");
        String id = intake.submit(post, Channel.WEB).feedbackId();
        intake.submit(post, Channel.WEB);

        Escalator escalator = new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(),
                repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, metrics, clock);
        EscalationRequest ask = new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4)));
        escalator.ask(ask);
        escalator.ask(ask);

        clock.advance(Duration.ofHours(5));
        String replyAddress = RoutingServiceTest.CONFIG.replyAddress(new ReplyTokens(SECRET).issue(id, 1));
        InboundMail answer = new InboundMail("reply@mail.example", List.of(), List.of(), "dana@example.com", null,
                List.of(replyAddress), List.of(), "Re: Order", clock.instant(), "Shipped this morning.", null, Map.of(), List.of());
        ReplyIntake replies = new ReplyIntake(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(),
                repository.reviewQueue(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null,
                metrics, clock);
        replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress));
        replies.accept(answer, "ses-1", "inbound/1", List.of(replyAddress));

        assertEquals(List.of("FeedbackReceived[web]=1", "QuestionsSent=1", "AnsweredLate=1", "TimeToAnswer=18000"),
                metrics.recorded());
    }
}
