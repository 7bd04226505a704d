package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.ports.Metrics;
import dev.qmark.testing.RecordingMailSender;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations.AnswerOutcome;
import dev.qmark.core.ports.MailClaims.Claim;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Asked and answered are plain writes on DynamoDB Local, escalation first: an invocation killed
 * between them (the client throws instead of making the chosen write) is finished by its retry, and
 * nothing is written twice.
 */
class PlainWritesCrashTest {

    private static final TestBed BED = TestBed.create();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofHours(4));

    /** The sort key of the update the next call dies at (it is not made), or null. */
    private final AtomicReference<String> dieAt = new AtomicReference<>();
    private final TablePorts ports = new TablePorts(dying(), BED.table);

    private DynamoDbClient dying() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof UpdateItemRequest update
                    && update.key().get(QmarkTable.SK).s().equals(dieAt.get())) {
                dieAt.set(null);
                throw new IllegalStateException("killed before updating " + update.key());
            }
            if (method.isDefault() && (args == null || args.length != 1 || !(args[0] instanceof SdkRequest))) {
                return InvocationHandler.invokeDefault(proxy, method, args);  // a builder's overload: comes back here
            }
            try {
                return method.invoke(BED.dynamo, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private String stored() {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, T0, FeedbackStatus.RECEIVED, null);
        ports.feedbackItems().storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        return f.id();
    }

    private static Escalation asking(String id, int step) {
        return new Escalation(id, step, "delivery", "dana@example.com", EscalationStatus.ASKING, null, DUE, null, null, null);
    }

    private void ask(String id, int step) {
        assertEquals(Claim.CLAIMED, ports.escalations().claimEscalation(asking(id, step), T0, Duration.ofSeconds(30)));
        ports.escalations().markAsked(id, step, "ses-" + step, T0.plusSeconds(step), List.of(),
                new TimelineEvent(T0.plusSeconds(step), "asked", "step " + step));
    }

    private FeedbackRecord record(String id) {
        return ports.feedbackItems().findRecord(id).orElseThrow();
    }

    private static long events(FeedbackRecord record, String type) {
        return record.timeline().stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void anAskedThatDiedBeforeTheItemIsFinishedByItsRetry() {
        String id = stored();
        dieAt.set(FeedbackItems.ITEM);
        assertThrows(IllegalStateException.class, () -> ask(id, 1));
        assertEquals(EscalationStatus.OPEN, record(id).escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.RECEIVED, record(id).feedback().status());
        assertEquals(List.of(id), ports.unfinishedFeedback().due(T0.plus(Duration.ofDays(1)), 100).stream()
                .filter(id::equals).toList(), "still on the recovery's list, which redrives it");

        // the retry finds the "?" sent, and writes what was left
        assertEquals(Claim.ALREADY_SENT, ports.escalations().claimEscalation(asking(id, 1), T0.plusSeconds(60),
                Duration.ofSeconds(30)));
        assertTrue(ports.escalations().markItemAsked(id));
        assertFalse(ports.escalations().markItemAsked(id), "once");
        assertEquals(FeedbackStatus.ASKED, record(id).feedback().status());
        assertEquals(List.of(), ports.unfinishedFeedback().due(T0.plus(Duration.ofDays(1)), 100).stream()
                .filter(id::equals).toList());
        assertEquals(1, events(record(id), "asked"));
    }

    @Test
    void aFirstAskThatDiedBeforeTheItemsWriteRecordsItsRouteOnTheRetry() {
        // the escalator itself, its route in the request: the "?" out and OPEN, the item's write (route and ASKED) killed
        QmarkConfig config = ConfigLoader.locate(BED.env().require("QMARK_CONFIG"));
        RecordingMailSender mail = new RecordingMailSender();
        Escalator escalator = new Escalator(config, ports.feedbackItems(), ports.escalations(), ports.mailClaims(), mail,
                new ReplyTokens(TestBed.SECRET), ports.sentMailTexts(), null, Metrics.NONE, java.time.Clock.systemUTC());
        String id = stored();
        RouteDecision decision = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, T0);
        EscalationRequest request = EscalationRequest.firstAsk(id, "delivery", decision);
        dieAt.set(FeedbackItems.ITEM);
        assertThrows(IllegalStateException.class, () -> escalator.ask(request));
        assertEquals(EscalationStatus.OPEN, record(id).escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.RECEIVED, record(id).feedback().status());
        assertEquals(null, record(id).feedback().route(), "the route is written with the ASKED, so not yet");
        assertEquals(List.of(id), ports.unfinishedFeedback().due(T0.plus(Duration.ofDays(1)), 100).stream()
                .filter(id::equals).toList(), "still on the recovery's list, which redrives it");

        // the retry (the same message: the same route) finds the "?" sent and writes the item
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(request));
        assertEquals(FeedbackStatus.ASKED, record(id).feedback().status());
        assertEquals(decision, record(id).feedback().route());
        assertEquals(1, events(record(id), "routed"));
        assertEquals(1, mail.sent().size());
        // a redelivery the router decided again under another configuration changes nothing
        RouteDecision other = new RouteDecision("everything-else", "ops", Duration.ofHours(24), DUE, T0.plusSeconds(60));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(EscalationRequest.firstAsk(id, "ops", other)));
        assertEquals(decision, record(id).feedback().route());
        assertEquals(1, mail.sent().size());
    }

    @Test
    void anAnswerThatDiedBeforeTheItemIsFinishedByItsRetry() {
        String id = stored();
        ask(id, 1);
        ask(id, 2);
        dieAt.set(FeedbackItems.ITEM);
        TimelineEvent answered = new TimelineEvent(T0.plusSeconds(90), "answered", "Dana answered");
        assertThrows(IllegalStateException.class, () -> ports.escalations().recordAnswer(id, 1, "Shipped",
                "dana@example.com", "mail-1", T0.plusSeconds(90), answered));
        assertEquals(EscalationStatus.ANSWERED, record(id).escalation(2).orElseThrow().status());
        assertEquals(FeedbackStatus.ASKED, record(id).feedback().status());

        assertEquals(AnswerOutcome.ALREADY_RECORDED, ports.escalations().recordAnswer(record(id), 1, "Shipped",
                "dana@example.com", "mail-1", T0.plusSeconds(300), answered));
        FeedbackRecord after = record(id);
        assertEquals(FeedbackStatus.ANSWERED, after.feedback().status());
        assertEquals(1, events(after, "answered"));
    }

    @Test
    void anAnswerThatDiedBeforeStoppingAnotherClockIsFinishedByItsRetry() {
        String id = stored();
        ask(id, 1);
        ask(id, 2);
        dieAt.set(FeedbackItems.escalationSk(2));
        TimelineEvent answered = new TimelineEvent(T0.plusSeconds(90), "answered", "Dana answered");
        assertThrows(IllegalStateException.class, () -> ports.escalations().recordAnswer(id, 1, "Shipped",
                "dana@example.com", "mail-1", T0.plusSeconds(90), answered));
        assertEquals(EscalationStatus.ANSWERED, record(id).escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.OPEN, record(id).escalation(2).orElseThrow().status());

        // a second mail meanwhile is not a second answer: the answered escalation's write decided
        assertEquals(AnswerOutcome.NOT_OPEN, ports.escalations().recordAnswer(id, 1, "Also", "dana@example.com",
                "mail-2", T0.plusSeconds(100), new TimelineEvent(T0.plusSeconds(100), "answered", "again")));
        assertEquals(AnswerOutcome.ALREADY_RECORDED, ports.escalations().recordAnswer(id, 1, "Shipped",
                "dana@example.com", "mail-1", T0.plusSeconds(300), answered));
        FeedbackRecord after = record(id);
        Escalation stopped = after.escalation(2).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, stopped.status());
        assertEquals(T0.plusSeconds(90), stopped.answeredAt(), "stopped as of the answer");
        assertEquals(FeedbackStatus.ANSWERED, after.feedback().status());
        assertEquals(1, events(after, "answered"));
        assertEquals(AnswerOutcome.ALREADY_RECORDED, ports.escalations().recordAnswer(id, 1, "Shipped",
                "dana@example.com", "mail-1", T0.plusSeconds(400), answered));
    }
}
