package dev.qmark.sweeper;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.mail.MimeParser;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;
import dev.qmark.emulators.OutboxMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clocks through the sweeper handler, on the embedded AWS with a clock the test moves:
 * reminders at 50% and one hour before, the breach climbing Dana -> Olivia -> Jeff (the example
 * configuration's chain), an answer stopping everything, and sweeps racing each other.
 */
class SweeperHandlerTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    TestBed bed;
    SettableClock clock;
    QmarkConfig config;
    String feedbackId;
    String title;

    @BeforeEach
    void askDana() {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        config = ConfigLoader.load(TestBed.ROOT.resolve("config/qmark.yaml"));
        title = "Parcel lost " + UUID.randomUUID().toString().substring(0, 8);
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.org"),
                title, "The parcel never came.", 2, T0, FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        bed.repository().recordRoute(feedbackId, new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                T0.plus(Duration.ofHours(4)), T0), new TimelineEvent(T0, "routed", "late-delivery"));
        escalator().ask(new EscalationRequest(feedbackId, 1, "delivery", T0.plus(Duration.ofHours(4))));
    }

    @Test
    void remindersThenTheChainUpToTheFounder() {
        at("PT1H");
        assertEquals(0, sweep().path("reminded").size());

        at("PT2H");
        assertEquals(List.of(feedbackId + "-1"), texts(sweep().path("reminded")));
        assertEquals(0, sweep().path("reminded").size(), "the same reminder is never sent twice");
        at("PT3H");
        assertEquals(List.of(feedbackId + "-1"), texts(sweep().path("reminded")));
        assertEquals(2, mails("dana@example.com", "Reminder: ? ").size());

        at("PT4H");
        JsonNode breach = sweep();
        assertEquals(List.of(feedbackId + "-1"), texts(breach.path("breached")));
        assertEquals(List.of(feedbackId + "-1 -> ops"), texts(breach.path("escalated")));
        assertEquals(List.of(feedbackId + "-1"), texts(breach.path("toldLate")));
        OutboxMail toOlivia = mails("olivia@example.com", "? ").get(0);
        assertTrue(toOlivia.text().contains("Asked before you:"), toOlivia.text());
        assertTrue(toOlivia.text().contains("Dana (delivery), asked"), toOlivia.text());
        assertTrue(mails("dana@example.com", "Late: ? ").get(0).text().contains("gone to Olivia"));
        FeedbackRecord record = record();
        assertEquals(EscalationStatus.LATE, record.escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.OPEN, record.escalation(2).orElseThrow().status());
        assertEquals(T0.plus(Duration.ofHours(8)), record.escalation(2).orElseThrow().dueAt(), "a fresh deadline");

        at("PT8H");
        assertEquals(List.of(feedbackId + "-2 -> founder"), texts(sweep().path("escalated")));
        assertEquals(1, mails("jeff@example.com", "? ").size());
        assertTrue(mails("jeff@example.com", "? ").get(0).text().contains("Olivia (ops), asked"));

        at("PT12H");
        JsonNode top = sweep();
        assertEquals(List.of(feedbackId + "-3"), texts(top.path("breached")));
        assertEquals(0, top.path("escalated").size(), "nobody is above the founder");
        assertTrue(mails("jeff@example.com", "Late: ? ").get(0).text().contains("nobody is above you"));
        at("PT13H");
        assertEquals(0, sweep().path("examined").asInt(), "late and followed up: off the sweeper's list");
        assertEquals(List.of("delivery", "ops", "founder"), record().escalations().stream().map(Escalation::owner).toList());
    }

    @Test
    void anAnswerFromAnyoneAskedStopsEveryClock() {
        at("PT4H");
        sweep();
        at("PT5H30M");
        answerFrom("dana@example.com", 1, "Found it at the depot; it ships today.");

        FeedbackRecord record = record();
        Escalation dana = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED_LATE, dana.status());
        assertEquals(Duration.ofMinutes(90), dana.lateBy());
        assertEquals(EscalationStatus.ANSWERED, record.escalation(2).orElseThrow().status());
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());

        int before = bed.outbox().size();
        at("PT30H");
        assertEquals(0, sweep().path("examined").asInt());
        assertEquals(before, bed.outbox().size(), "no reminder, breach or late notice after the answer");
    }

    @Test
    void aReminderOvertakenByTimeIsNotSentLate() {
        at("PT3H30M");
        sweep();
        assertEquals(1, mails("dana@example.com", "Reminder: ? ").size(), "only the latest due reminder");
        assertEquals(2, record().escalation(1).orElseThrow().remindersSent());
    }

    @Test
    void sweepsRacingEachOtherSendEachMailOnce() throws Exception {
        at("PT2H");
        race(4);
        assertEquals(1, mails("dana@example.com", "Reminder: ? ").size());
        at("PT4H");
        race(4);
        assertEquals(1, mails("olivia@example.com", "? ").size());
        assertEquals(1, mails("dana@example.com", "Late: ? ").size());
        assertEquals(2, record().escalations().size());
    }

    @Test
    void aSweepThatDiedMidBreachIsFinishedByTheNextOneOnce() {
        at("PT4H");
        // the first sweep got as far as marking the escalation late, then its container died
        bed.ports().escalations().markLate(
                bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow(), clock.instant(), new TimelineEvent(clock.instant(), "late", "crashed sweep"));
        at("PT4H1M");
        JsonNode retry = sweep();
        assertEquals(List.of(feedbackId + "-1 -> ops"), texts(retry.path("escalated")));
        assertEquals(1, mails("olivia@example.com", "? ").size());
        assertEquals(1, mails("dana@example.com", "Late: ? ").size());
        at("PT4H2M");
        assertEquals(0, sweep().path("examined").asInt());
        assertEquals(1, mails("olivia@example.com", "? ").size());
    }

    @Test
    void anAnswerRacingTheBreachNeverAsksTheManagerAfterTheAnswer() {
        at("PT4H");
        answerFrom("dana@example.com", 1, "Answered at the last second.");
        sweep();
        assertEquals(0, mails("olivia@example.com", "? ").size());
        assertEquals(EscalationStatus.ANSWERED, record().escalation(1).orElseThrow().status());
    }

    @Test
    void aHandedOnStepNeverRemindsOrBreaches() {
        at("PT1H");
        answerFrom("dana@example.com", 1, "? @ops\n\nOlivia, the depot is yours.");
        assertEquals(EscalationStatus.HANDED_ON, record().escalation(1).orElseThrow().status());
        // Olivia: asked at 1h, due at 5h; reminders at 3h (half-way) and 4h (one hour before)

        for (String time : List.of("PT2H", "PT3H", "PT4H", "PT4H30M")) {
            at(time);
            JsonNode report = sweep();
            for (String list : List.of("reminded", "breached", "escalated", "toldLate", "postponed")) {
                assertFalse(texts(report.path(list)).stream().anyMatch(id -> id.startsWith(feedbackId + "-1")),
                        time + " " + list + ": " + report);
            }
        }
        assertEquals(0, mails("dana@example.com", "Reminder: ? ").size(), "Dana handed it on: no reminder");
        assertEquals(0, mails("dana@example.com", "Late: ? ").size(), "nor a late notice at her old deadline");
        assertEquals(2, mails("olivia@example.com", "Reminder: ? ").size(), "Olivia's clock runs instead");

        at("PT5H");
        JsonNode breach = sweep();
        assertEquals(List.of(feedbackId + "-2"), texts(breach.path("breached")));
        assertEquals(List.of(feedbackId + "-2 -> founder"), texts(breach.path("escalated")), "Olivia's chain, not Dana's");
        FeedbackRecord record = record();
        assertEquals(EscalationStatus.HANDED_ON, record.escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.LATE, record.escalation(2).orElseThrow().status());
        assertEquals(List.of("delivery", "ops", "founder"), record.escalations().stream().map(Escalation::owner).toList());
    }

    @Test
    void aMissedTriageGoesToTheRoutesOwnerThenUpTheirChain(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(TestBed.ROOT.resolve("config/qmark.yaml"), StandardCharsets.UTF_8);
        String yaml = shipped.replace("routes:                               # first match wins; the last one must take everything\n",
                "routes:\n  - { name: vip, match: { keywords: [vip] }, owner: delivery, answerWithin: PT4H, triage: founder }\n");
        assertTrue(yaml.contains("triage: founder"), "the example changed; adapt the test");
        Files.writeString(dir.resolve("qmark.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(TestBed.ROOT.resolve("config/holidays-kr.ics"), dir.resolve("holidays-kr.ics"));
        config = ConfigLoader.load(dir.resolve("qmark.yaml"));
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", bed.table);
        env.put("QMARK_CONFIG", dir.resolve("qmark.yaml").toString());
        env.put("REPLY_TOKEN_SECRET", TestBed.SECRET);
        FunctionEnvironment triageEnv = FunctionEnvironment.of(env, clock);

        at("PT0S");
        title = "VIP parcel lost " + UUID.randomUUID().toString().substring(0, 8);
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.org"),
                title, "The vip parcel never came.", 2, T0, FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        Escalator escalator = escalator();
        new RoutingService(bed.repository(), escalator::ask, new Router(config), clock).route(feedbackId);
        assertEquals("founder", record().escalation(1).orElseThrow().owner());

        at("PT4H");
        JsonNode missed = Invoke.handler(new SweeperHandler(triageEnv), SampleEvents.text("sweeper-schedule.json"));
        // (Dana's late-delivery item from askDana() breaches in the same sweep; only this item counts here)
        assertEquals(List.of(feedbackId + "-1"), mine(missed.path("breached")));
        assertEquals(List.of(feedbackId + "-1 -> delivery"), mine(missed.path("escalated")),
                "the founder is the top of the chain, yet a missed triage still reaches the route's owner");
        assertTrue(mails("jeff@example.com", "Late: ? ").get(0).text().contains("gone to Dana"));
        OutboxMail toDana = mails("dana@example.com", "? ").get(0);
        assertTrue(toDana.text().contains("Jeff (founder), asked"), toDana.text());
        assertEquals(T0.plus(Duration.ofHours(8)), record().escalation(2).orElseThrow().dueAt(), "Dana's own four hours");

        at("PT8H");
        JsonNode danaMissed = Invoke.handler(new SweeperHandler(triageEnv), SampleEvents.text("sweeper-schedule.json"));
        assertEquals(List.of(feedbackId + "-2 -> ops"), mine(danaMissed.path("escalated")));
        assertEquals(List.of("founder", "delivery", "ops"), record().escalations().stream().map(Escalation::owner).toList());
    }

    // ---------------------------------------------------------------- helpers

    private void race(int sweeps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sweeps);
        List<Callable<JsonNode>> racers = new ArrayList<>();
        for (int i = 0; i < sweeps; i++) {
            SweeperHandler handler = new SweeperHandler(bed.env(clock));
            racers.add(() -> Invoke.handler(handler, SampleEvents.text("sweeper-schedule.json")));
        }
        for (Future<JsonNode> result : pool.invokeAll(racers)) {
            result.get();
        }
        pool.shutdown();
    }

    private JsonNode sweep() {
        return Invoke.handler(new SweeperHandler(bed.env(clock)), SampleEvents.text("sweeper-schedule.json"));
    }

    private void at(String sinceT0) {
        clock.set(T0.plus(Duration.parse(sinceT0)));
    }

    private Escalator escalator() {
        return new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock);
    }

    private void answerFrom(String from, int step, String answer) {
        String replyTo = config.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, step));
        String raw = "From: " + from + "\r\nTo: " + replyTo + "\r\nSubject: Re: ? " + title
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + answer + "\r\n";
        new ReplyIntake(config, bed.repository(), bed.ports().escalations(), bed.ports().reviewQueue(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock)
                .accept(new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8)), "mail-" + UUID.randomUUID(),
                        "s3://test/x", List.of(replyTo));
    }

    private FeedbackRecord record() {
        return bed.repository().findRecord(feedbackId).orElseThrow();
    }

    /** This test's mails (by its unique title) to an address whose subject starts so. */
    private List<OutboxMail> mails(String to, String subjectStart) {
        return bed.mailTo(to).stream().filter(m -> m.subject().startsWith(subjectStart) && m.subject().contains(title)).toList();
    }

    /** The ids in a report list that belong to the current {@link #feedbackId}. */
    private List<String> mine(JsonNode array) {
        return texts(array).stream().filter(id -> id.startsWith(feedbackId + "-")).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
