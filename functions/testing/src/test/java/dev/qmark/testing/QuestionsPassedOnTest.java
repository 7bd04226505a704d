package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.delivery.DeliveryEvent;
import dev.qmark.core.delivery.DeliveryEvents;
import dev.qmark.core.delivery.MailTags;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.sending.TrackedMailSender;
import dev.qmark.core.sweep.Sweeper;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A question whose owner cannot be reached goes on at once: a hard bounce (through mail-events'
 * {@link DeliveryEvents}) or an out-of-office reply hands it to the deputy, else the manager; an away
 * owner is asked again when back only if nobody answered. On the in-memory ports.
 */
class QuestionsPassedOnTest {

    static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops, deputy: backup }
              - { alias: backup, name: Ben, email: ben@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: web-late, match: { keywords: [late] }, owner: delivery, answerWithin: PT4H }
              - { name: rest, owner: backup, answerWithin: PT24H }
            """, "test");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender ses = new RecordingMailSender();
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final TrackedMailSender mail = new TrackedMailSender(ses, suppressions,
            address -> CONFIG.ownerByAddress(address).isPresent(), repository::recordEvent, clock);
    private final ReplyTokens tokens = new ReplyTokens("test-reply-token-secret-0123456789");
    private final Escalator escalator = new Escalator(CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, tokens, repository.sentMailTexts(), null, Metrics.NONE, clock);
    private final QuestionsPassedOn passedOn = new QuestionsPassedOn(CONFIG, repository.feedbackItems(), repository.escalations(), escalator, clock);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DeliveryEvents events = new DeliveryEvents(repository, suppressions, passedOn, metrics);

    private String asked(String message, String owner) {
        String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
                .submit(new Submission("Minsu", "minsu@example.org", "Order", message, 3, null), Channel.WEB).feedbackId();
        escalator.ask(new EscalationRequest(id, 1, owner, clock.instant().plus(Duration.ofHours(4))));
        return id;
    }

    @Test
    void aHardBounceOfTheQuestionHandsItToTheDeputyAtOnceAndFlagsTheAddress() {
        String id = asked("The parcel is late", "delivery");
        DeliveryEvent bounce = new DeliveryEvent(DeliveryEvent.Type.BOUNCE, lastMessageId(), clock.instant(),
                List.of("dana@example.com"), true, "Permanent/General: smtp; 550 5.1.1 user unknown", lastTags());

        assertEquals(DeliveryEvents.Outcome.PASSED_ON, events.handle(bounce));
        assertEquals(DeliveryEvents.Outcome.RECORDED, events.handle(bounce), "a redelivered event changes nothing more");

        FeedbackRecord record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.UNDELIVERABLE, record.escalation(1).orElseThrow().status());
        assertEquals("backup", record.escalation(2).orElseThrow().owner());
        assertEquals(EscalationStatus.OPEN, record.escalation(2).orElseThrow().status());
        OutgoingMail toBen = ses.sent().get(1);
        assertEquals(List.of("ben@example.com"), toBen.to());
        assertTrue(toBen.text().contains("could not be delivered (hard bounce: Permanent/General"), toBen.text());
        assertEquals(2, ses.sent().size());
        assertTrue(suppressions.suppressed("Dana@example.com"));
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("mail-bounced")), record.timeline().toString());
        assertEquals(List.of("Bounced=1", "Bounced=1"), metrics.recorded(), "each event handled counts its hard bounce");
    }

    @Test
    void withoutADeputyTheManagerIsAsked() {
        String id = asked("Something else", "backup");
        DeliveryEvent reject = new DeliveryEvent(DeliveryEvent.Type.REJECT, lastMessageId(), clock.instant(),
                List.of("ben@example.com"), false, "Bad content", lastTags());
        assertEquals(DeliveryEvents.Outcome.PASSED_ON, events.handle(reject));
        assertEquals("ops", repository.findRecord(id).orElseThrow().escalation(2).orElseThrow().owner());
        assertTrue(suppressions.addresses().isEmpty(), "a rejection says nothing about the address");
        assertEquals(List.of("Bounced=1"), metrics.recorded(), "a rejection counts as one mail that did not go");
    }

    @Test
    void aSendOrADeliveryChangesNothingAndASoftBounceOnlyGoesOnTheTimeline() {
        String id = asked("The parcel is late", "delivery");
        List<TimelineEvent> before = repository.findRecord(id).orElseThrow().timeline();
        for (DeliveryEvent.Type type : List.of(DeliveryEvent.Type.SEND, DeliveryEvent.Type.DELIVERY)) {
            assertEquals(DeliveryEvents.Outcome.NOT_RECORDED, events.handle(new DeliveryEvent(type,
                    lastMessageId(), clock.instant(), List.of("dana@example.com"), false, "", lastTags())));
        }
        assertEquals(before, repository.findRecord(id).orElseThrow().timeline(), "SES counts sends and deliveries, not the item");
        assertEquals(DeliveryEvents.Outcome.RECORDED, events.handle(new DeliveryEvent(DeliveryEvent.Type.BOUNCE,
                lastMessageId(), clock.instant(), List.of("dana@example.com"), false, "Transient/MailboxFull", lastTags())));
        FeedbackRecord record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.OPEN, record.escalation(1).orElseThrow().status());
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("mail-bounced")
                && e.detail().contains("mail of " + id + "-1 bounced (soft) from dana@example.com")), record.timeline().toString());
        assertTrue(metrics.recorded().isEmpty(), "deliveries and soft bounces count nothing: " + metrics.recorded());
    }

    @Test
    void aBounceOfAMailWithoutTagsSuppressesAndCountsButFindsNoItem() {
        String id = asked("The parcel is late", "delivery");
        assertEquals(DeliveryEvents.Outcome.UNKNOWN_MAIL, events.handle(new DeliveryEvent(DeliveryEvent.Type.BOUNCE,
                lastMessageId(), clock.instant(), List.of("dana@example.com"), true, "Permanent/General", Map.of())));
        assertTrue(suppressions.suppressed("dana@example.com"));
        assertEquals(List.of("Bounced=1"), metrics.recorded());
        // the question is not handed on: its deadline will (the sweeper), as before delivery events existed
        assertEquals(EscalationStatus.OPEN, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
    }

    @Test
    void anAwayOwnerIsAskedAgainWhenBackOnlyIfNobodyAnswered() {
        String id = asked("The parcel is late", "delivery");
        Instant back = clock.instant().plus(Duration.ofDays(2));
        assertEquals(QuestionsPassedOn.Outcome.PASSED_ON, passedOn.away(id, 1, "ooo-mail-1",
                "I am out of the office until Wednesday.", back));
        assertEquals(QuestionsPassedOn.Outcome.NOT_OPEN, passedOn.away(id, 1, "ooo-mail-1", "again", back));
        FeedbackRecord record = repository.findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.AWAY, record.escalation(1).orElseThrow().status());
        assertTrue(ses.sent().get(1).text().contains("I am out of the office until Wednesday."), ses.sent().get(1).text());

        Sweeper sweeper = new Sweeper(CONFIG, repository.feedbackItems(), repository.escalations(), repository.sweepList(), repository.mailClaims(), mail, tokens, repository.sentMailTexts(), clock);
        clock.advance(Duration.ofDays(1));
        sweeper.sweep();
        assertEquals(2, ses.sent().stream().filter(m -> m.to().contains("ben@example.com") || m.to().contains("dana@example.com"))
                .filter(m -> m.subject().startsWith("?")).count(), "not back yet: nobody is asked again");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        sweeper.sweep();
        record = repository.findRecord(id).orElseThrow();
        // meanwhile Ben's own deadline passed and Olivia was asked: Dana comes after, a fresh step
        assertTrue(record.escalations().stream().anyMatch(e -> e.step() > 2 && e.owner().equals("delivery")
                && e.status() == EscalationStatus.OPEN), "back and unanswered: asked again " + record.escalations());
        sweeper.sweep();
        assertEquals(1, ses.sent().stream().filter(m -> m.to().contains("dana@example.com") && m.subject().startsWith("?"))
                .skip(1).count(), "asked again once");
    }

    @Test
    void anAwayOwnerWhoseDeputyAnsweredIsNotAskedAgain() {
        String id = asked("The parcel is late", "delivery");
        passedOn.away(id, 1, "ooo-mail-2", "", null);
        repository.recordAnswer(id, 2, "Shipped today", "ben@example.com", "mail-3", clock.instant(),
                new TimelineEvent(clock.instant(), "answered", "Ben"));
        clock.advance(QuestionsPassedOn.DEFAULT_AWAY.plusMinutes(1));
        new Sweeper(CONFIG, repository.feedbackItems(), repository.escalations(), repository.sweepList(), repository.mailClaims(), mail, tokens, repository.sentMailTexts(), clock).sweep();
        assertTrue(repository.findRecord(id).orElseThrow().escalation(3).isEmpty());
    }

    @Test
    void customerMailSkipsAnAddressThatComplained() {
        String id = asked("Something else", "backup");
        events.handle(new DeliveryEvent(DeliveryEvent.Type.COMPLAINT, lastMessageId(), clock.instant(),
                List.of("minsu@example.org"), false, "abuse", lastTags()));
        assertEquals("complaint: abuse", suppressions.reason("minsu@example.org"));
        int before = ses.sent().size();
        String messageId = mail.send(new OutgoingMail("qmark@example.com", "Jeff", List.of("minsu@example.org"), List.of(),
                List.of(), "Re: your note", "Thanks", null, Map.of("X-Qmark-Feedback", id)));
        assertEquals(TrackedMailSender.NOT_SENT, messageId);
        assertEquals(before, ses.sent().size());
        assertTrue(repository.findRecord(id).orElseThrow().timeline().stream().anyMatch(e -> e.type().equals("not-sent")));
        // staff addresses are never dropped here: their bounces must reach mail-events, which hands questions on
        suppressions.suppress("ben@example.com", "hard bounce", clock.instant());
        mail.send(new OutgoingMail("qmark@example.com", "Jeff", List.of("ben@example.com"), List.of(), List.of(), "? x", "?",
                null, Map.of()));
        assertEquals(before + 1, ses.sent().size());
        assertNull(suppressions.reason("olivia@example.com"));
    }

    private String lastMessageId() {
        return ses.lastMessageId();
    }

    /** The tags the last mail went out with, as SES returns them in its events (name → [value]). */
    private Map<String, List<String>> lastTags() {
        Map<String, List<String>> tags = new java.util.LinkedHashMap<>();
        MailTags.of(ses.sent().get(ses.sent().size() - 1)).forEach((name, value) -> tags.put(name, List.of(value)));
        return tags;
    }
}
