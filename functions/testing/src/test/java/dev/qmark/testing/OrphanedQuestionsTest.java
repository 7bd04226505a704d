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
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;
import dev.qmark.core.sweep.OrphanedQuestions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Open questions whose owner left the configuration, on the in-memory table: each goes on once to
 * whoever is in charge instead, and the founder is told once per change.
 */
class OrphanedQuestionsTest {

    private static final String SECRET = "test-reply-token-secret-0123456789";
    private static final QmarkConfig BEFORE = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: rest, owner: delivery, answerWithin: PT4H }
            """, "before");
    /** Dana left: the route is Olivia's now. */
    private static final QmarkConfig AFTER = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: rest, owner: ops, answerWithin: PT4H }
            """, "after");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();

    private OrphanedQuestions orphans(QmarkConfig config) {
        return new OrphanedQuestions(config, table.feedbackItems(), table.escalations(), table.sweepList(),
                table.mailClaims(), mail, new ReplyTokens(SECRET), table.sentMailTexts(), clock);
    }

    /** Submitted, routed and asked of Dana under the old configuration. */
    private String askedOfDana() {
        String id = new FeedbackIntake(table.feedbackItems(), feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
                .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel", 3, null), Channel.WEB)
                .feedbackId();
        RecordingQueue requests = new RecordingQueue();
        new RoutingService(table.feedbackItems(), requests, new Router(BEFORE), clock).route(id);
        new Escalator(BEFORE, table.feedbackItems(), table.escalations(), table.mailClaims(), mail, new ReplyTokens(SECRET), table.sentMailTexts(), null, Metrics.NONE, clock).ask((EscalationRequest) requests.messages().get(0));
        clock.advance(Duration.ofMinutes(1));
        return id;
    }

    private Escalation step(String id, int step) {
        return table.findRecord(id).orElseThrow().escalation(step).orElseThrow();
    }

    private long mailsTo(String address) {
        return mail.sent().stream().filter(m -> m.to().contains(address)).count();
    }

    @Test
    void aQuestionWhoseOwnerLeftGoesOnOnceAndTheFounderIsToldOnce() {
        String id = askedOfDana();
        List<String> first = orphans(AFTER).adoptAll();
        List<String> second = orphans(AFTER).adoptAll();
        assertEquals(List.of(id + "-1 -> ops"), first);
        assertEquals(List.of(), second);
        assertEquals(EscalationStatus.ORPHANED, step(id, 1).status());
        assertEquals("ops", step(id, 2).owner());
        assertEquals(EscalationStatus.OPEN, step(id, 2).status());
        assertEquals(1, mailsTo("olivia@example.com"));
        assertEquals(1, mailsTo("jeff@example.com"));
        assertTrue(mail.sent().stream().filter(m -> m.to().contains("jeff@example.com")).findFirst().orElseThrow()
                .text().contains("delivery <dana@example.com>"));
        assertEquals(1, table.sentMailTexts().texts(id).size() - 1, "the re-ask's \"?\" is kept beside Dana's");
    }

    @Test
    void nothingGoesOnWhileItsOwnerIsStillThere() {
        askedOfDana();
        assertEquals(List.of(), orphans(BEFORE).adoptAll());
        assertEquals(0, mailsTo("jeff@example.com"));
        assertEquals(0, mailsTo("olivia@example.com"));
    }
}
