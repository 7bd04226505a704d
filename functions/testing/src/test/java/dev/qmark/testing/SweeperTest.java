package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.sweep.Sweeper;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sweeper on the in-memory repository: each reminder, breach and step up the chain happens once. */
class SweeperTest {

    static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            reminders: ["50%"]
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: rest, owner: delivery, answerWithin: PT4H }
            """, "test");
    private static final String SECRET = "test-reply-token-secret-0123456789";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final Sweeper sweeper = new Sweeper(CONFIG, repository.feedbackItems(), repository.escalations(),
            repository.sweepList(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel", 3, null), Channel.WEB)
            .feedbackId();

    SweeperTest() {
        new Escalator(CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens(SECRET), repository.sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4))));
    }

    private long mailsTo(String address) {
        return mail.sent().stream().filter(m -> m.to().contains(address)).count();
    }

    private Escalation step(int step) {
        return repository.findRecord(id).orElseThrow().escalation(step).orElseThrow();
    }

    @Test
    void aReminderIsSentOnce() {
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        sweeper.sweep();
        sweeper.sweep();
        assertEquals(2, mailsTo("dana@example.com"));
        assertEquals(1, step(1).remindersSent());
    }

    @Test
    void aBreachIsRecordedOnceAndTheNextPersonUpTheChainAskedOnce() {
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        sweeper.sweep();
        int after = mail.sent().size();
        clock.advance(Duration.ofMinutes(1));
        sweeper.sweep();
        assertEquals(after, mail.sent().size());
        assertEquals(EscalationStatus.LATE, step(1).status());
        assertEquals(EscalationStatus.OPEN, step(2).status());
        assertEquals("ops", step(2).owner());
        assertEquals(1, mailsTo("olivia@example.com"));
        assertEquals(3, mailsTo("dana@example.com") + mailsTo("olivia@example.com"));
        assertEquals(InMemoryEscalations.LATE_SHARD, repository.sweepShard(id, 1).orElseThrow());
    }

    @Test
    void aCheckThatFailedIsPostponedThenDone() {
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        mail.failWith(new IllegalStateException("SES is down"));
        sweeper.sweep();
        assertEquals(1, step(1).sweep().failures());
        assertTrue(step(1).sweep().nextCheckAt().isAfter(clock.instant()));
        mail.failWith(null);
        clock.advance(Duration.ofMinutes(30));
        sweeper.sweep();
        assertEquals(0, step(1).sweep().failures());
        assertEquals(1, step(1).remindersSent());
        assertEquals(1, mail.sent().stream().map(OutgoingMail::subject).filter(s -> !s.equals(mail.sent().get(0).subject()))
                .count());
    }
}
