package dev.qmark.sweeper;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.sweep.SweepReport;
import dev.qmark.core.sweep.Sweeper;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeper's side of orphaned questions (Dana left the configuration; her route went to
 * Bora), and a sweep that runs out of time leaving the rest to the next one.
 */
class OrphanedSweepTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path dir;
    TestBed bed;
    SettableClock clock;
    QmarkConfig before;
    FunctionEnvironment after;
    String title;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        before = ConfigLoader.load(TestBed.ROOT.resolve("config/qmark.yaml"));
        String yaml = Files.readString(TestBed.ROOT.resolve("config/qmark.yaml"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^  - \\{ alias: delivery,.*\\n", "")
                .replace("owner: delivery, answerWithin: PT4H", "owner: billing, answerWithin: PT4H");
        Files.writeString(dir.resolve("qmark.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(TestBed.ROOT.resolve("config/holidays-kr.ics"), dir.resolve("holidays-kr.ics"));
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", bed.table);
        env.put("QMARK_CONFIG", dir.resolve("qmark.yaml").toString());
        env.put("REPLY_TOKEN_SECRET", TestBed.SECRET);
        after = FunctionEnvironment.of(env, clock);
        title = "Orphan " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void racingSweepsSendAnOrphanOnOnceAndTellTheFounderOnce() throws Exception {
        String id = askDana(title);
        clock.set(T0.plus(Duration.ofMinutes(10)));  // nothing is due: the first sweep of a container looks anyway
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<JsonNode>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SweeperHandler handler = new SweeperHandler(after);
            racers.add(() -> Invoke.handler(handler, SampleEvents.text("sweeper-schedule.json")));
        }
        List<String> orphaned = new ArrayList<>();
        for (Future<JsonNode> result : pool.invokeAll(racers)) {
            result.get().path("orphaned").forEach(n -> orphaned.add(n.asText()));
        }
        pool.shutdown();
        assertEquals(List.of(id + "-1 -> billing"), orphaned);
        assertEquals(1, mails("bora@example.com").size(), "Bora asked once");
        assertEquals(1, founderNotices(id).size(), "the founder told once");
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(EscalationStatus.ORPHANED, record.escalation(1).orElseThrow().status());
        assertEquals(T0.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(8)).isAfter(record.escalation(2).orElseThrow().dueAt()),
                true, "a fresh answer time in Bora's office calendar");
        assertTrue(bed.ports().sweepList().dueEscalations(T0.plus(Duration.ofDays(30)), 100).stream()
                .noneMatch(e -> e.id().equals(id + "-1")), "the orphan left the sweeper's list");
    }

    @Test
    void aSweepThatDiedBeforeAskingIsFinishedByTheNextOne() {
        String id = askDana(title);
        Instant at = T0.plus(Duration.ofMinutes(5));
        // the first sweep recorded the orphan, then its container died before asking Bora
        assertTrue(bed.ports().escalations().recordOrphaned(id, 1, "delivery", new HandOn("billing", 2, T0.plus(Duration.ofDays(1)),
                at, "qmark", "delivery left", "orphaned"), new TimelineEvent(at, "orphaned", "delivery left")));
        clock.set(at.plusSeconds(60));
        JsonNode report = Invoke.handler(new SweeperHandler(after), SampleEvents.text("sweeper-schedule.json"));
        assertEquals(List.of(id + "-1 -> billing"), texts(report.path("orphaned")), report.toString());
        assertEquals(1, mails("bora@example.com").size());
        clock.set(at.plusSeconds(120));
        assertEquals(0, Invoke.handler(new SweeperHandler(after), SampleEvents.text("sweeper-schedule.json"))
                .path("figures").path("due").asInt());
    }

    @Test
    void aBreachWhoseOwnerLeftGoesToTheRoutesOwnerWithoutALateNotice() {
        String id = askDana(title);
        clock.set(T0.plus(Duration.ofHours(4)));
        // a sweep under the old configuration marked it late and died; the new one follows up
        bed.ports().escalations().markLate(
                bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow(), clock.instant(), new TimelineEvent(clock.instant(), "late", "crashed sweep"));
        JsonNode report = Invoke.handler(new SweeperHandler(after), SampleEvents.text("sweeper-schedule.json"));
        assertEquals(List.of(id + "-1 -> billing"), texts(report.path("escalated")), report.toString());
        assertEquals(0, bed.mailTo("dana@example.com").stream().filter(m -> m.subject().startsWith("Late: ")
                && m.subject().contains(title)).count(), "nobody writes to someone who left");
        assertEquals(EscalationStatus.LATE, bed.repository().findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
    }

    @Test
    void aSweepOutOfTimeLeavesTheRestToTheNextOne() {
        List<String> ids = List.of(askDana(title + " a"), askDana(title + " b"), askDana(title + " c"));
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(5));  // all three first reminders are due
        Sweeper sweeper = new Sweeper(before, bed.repository(), bed.ports().escalations(), bed.ports().sweepList(),
                bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), before.inboundDomain(), clock),
                new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), clock);
        AtomicInteger checks = new AtomicInteger();
        SweepReport first = sweeper.sweep(() -> checks.incrementAndGet() <= 1);
        assertEquals(new SweepReport.Figures(3, 1, 0, 0, 0, 0, 2, false), first.figures());
        assertEquals(List.of(ids.get(0) + "-1"), first.reminded(), "soonest first");
        SweepReport second = sweeper.sweep();
        assertEquals(List.of(ids.get(1) + "-1", ids.get(2) + "-1"), second.reminded(), "the next sweep starts where it stopped");
    }

    // ---------------------------------------------------------------- helpers

    /** Dana's late-delivery question, asked under the old configuration. */
    private String askDana(String subject) {
        Instant now = clock.instant();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.org"),
                subject, "The parcel never came.", 2, now, FeedbackStatus.RECEIVED, null);
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", now.plusSeconds(600),
                new TimelineEvent(now, "received", "web"));
        bed.repository().recordRoute(feedback.id(), new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                now.plus(Duration.ofHours(4)), now), new TimelineEvent(now, "routed", "late-delivery"));
        new Escalator(before, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), before.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock)
                .ask(new EscalationRequest(feedback.id(), 1, "delivery", now.plus(Duration.ofHours(4))));
        clock.set(now.plusSeconds(1));
        return feedback.id();
    }

    private List<OutboxMail> mails(String to) {
        return bed.mailTo(to).stream().filter(m -> m.subject().startsWith("? ") && m.subject().contains(title)).toList();
    }

    private List<OutboxMail> founderNotices(String feedbackId) {
        return bed.mailTo("jeff@example.com").stream()
                .filter(m -> m.subject().startsWith("Configuration change:") && m.text().contains(feedbackId)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
