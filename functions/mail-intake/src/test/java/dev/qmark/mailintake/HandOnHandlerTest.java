package dev.qmark.mailintake;

import static dev.qmark.mailintake.SesReceipts.newMailId;
import static dev.qmark.mailintake.SesReceipts.sesEvent;
import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.Json;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.MailFormat;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;
import dev.qmark.core.text.StoredText;
import dev.qmark.emulators.OutboxMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Handing a "?" on by reply ("? @alias", "? address") and the founder's triage ("?" on a route
 * with {@code triage: founder}), through the mail-intake handler on SES events, against DynamoDB
 * Local and the S3/SES stand-ins. The configuration is the shipped example plus one triaged route
 * ({@code vip}, owned by Dana) and a second address of Jeff's.
 */
class HandOnHandlerTest {

    /** Monday 23 November 2026, 10:00 in Seoul: a working day, inside office hours. */
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @TempDir
    static Path configDir;
    static QmarkConfig config;

    TestBed bed;
    SettableClock clock;
    MailIntakeHandler handler;
    String feedbackId;
    String title;

    @BeforeAll
    static void configWithATriagedRoute() throws IOException {
        String shipped = Files.readString(TestBed.ROOT.resolve("config/qmark.yaml"), StandardCharsets.UTF_8);
        String yaml = shipped
                .replace("founder: { name: Jeff, email: jeff@example.com, timeZone: Asia/Seoul }",
                        "founder: { name: Jeff, email: jeff@example.com, timeZone: Asia/Seoul, answersFrom: [jeff@phone.example] }")
                .replace("routes:                               # first match wins; the last one must take everything\n",
                        "routes:\n  - { name: vip, match: { keywords: [vip] }, owner: delivery, answerWithin: PT4H, triage: founder }\n");
        assertTrue(yaml.contains("triage: founder") && yaml.contains("jeff@phone.example"), "the example changed; adapt the test");
        Files.writeString(configDir.resolve("qmark.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(TestBed.ROOT.resolve("config/holidays-kr.ics"), configDir.resolve("holidays-kr.ics"));
        config = ConfigLoader.load(configDir.resolve("qmark.yaml"));
    }

    @BeforeEach
    void bed() {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", bed.table);
        env.put("QMARK_CONFIG", configDir.resolve("qmark.yaml").toString());
        env.put("REPLY_TOKEN_SECRET", TestBed.SECRET);
        env.put("MAIL_BUCKET", bed.bucket);
        env.put("MAIL_PREFIX", "inbound/");
        env.put("PUBLIC_URL", "https://feedback.example.com");
        env.put("FEEDBACK_QUEUE_URL", bed.feedbackQueueUrl);
        env.put("MAIL_INTAKE_DLQ_URL", bed.mailIntakeDlqUrl);
        handler = new MailIntakeHandler(FunctionEnvironment.of(env, clock));
        title = "My delivery is late " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ------------------------------------------------------------------ "? @alias" from an owner

    @Test
    void danaHandsItToOpsWithANoteOliviaIsAskedAndDanaIsTold() {
        askDana();
        at("PT1H");
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1),
                "? @ops\r\n\r\nOlivia, the depot is yours: the parcel never left it.\r\n올리비아 님, 확인 부탁드려요.");

        JsonNode result = invoke(sesEvent(mailId, reply(1))).get(0);

        assertEquals("handed_on", result.get("outcome").asText(), result.toString());
        assertEquals(feedbackId, result.get("feedbackId").asText());
        FeedbackRecord record = record();
        Escalation dana = record.escalation(1).orElseThrow();
        Escalation olivia = record.escalation(2).orElseThrow();
        assertEquals(EscalationStatus.HANDED_ON, dana.status());
        assertNull(dana.answer(), "handing on is not answering");
        assertEquals("ops", dana.handedOn().to());
        assertEquals(2, dana.handedOn().toStep());
        assertEquals("Olivia, the depot is yours: the parcel never left it.\n올리비아 님, 확인 부탁드려요.",
                dana.handedOn().note());
        assertEquals(EscalationStatus.OPEN, olivia.status());
        assertEquals("ops", olivia.owner());
        Instant fresh = T0.plus(Duration.ofHours(5));
        assertEquals(fresh, olivia.dueAt(), "a fresh deadline: the route's four hours from the hand-on");
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertFalse(onSweepersList(1), "the handed-on step leaves the sweeper's list");
        assertTrue(onSweepersList(2));
        List<String> types = record.timeline().stream().map(TimelineEvent::type).toList();
        assertTrue(types.containsAll(List.of("asked", "handed-on", "hand-on-confirmed")), types.toString());
        assertEquals(2, types.stream().filter("asked"::equals).count(), types.toString());

        OutboxMail question = single(mails("olivia@example.com", "? "));
        String text = text(question);
        assertEquals(List.of(reply(2)), question.replyTo(), "Olivia answers her own step");
        assertTrue(text.contains("Dana handed this on to you with a note:\n> Olivia, the depot is yours: the parcel "
                + "never left it.\n> 올리비아 님, 확인 부탁드려요.\n"), text);
        assertTrue(text.contains("Asked before you:\n  - Dana (delivery), asked Mon 23 Nov 2026, 01:00 (UTC), due Mon 23 Nov"
                + " 2026, 05:00 (UTC): handed on to you Mon 23 Nov 2026, 02:00 (UTC)"), text);
        assertTrue(text.contains("Answer by: Mon 23 Nov 2026, 06:00 (UTC)"), text);

        OutboxMail told = single(mails("dana@example.com", "Handed to Olivia"));
        assertTrue(text(told).startsWith("Handed to Olivia (ops); Olivia's deadline: " + MailFormat.when(fresh, SEOUL)),
                text(told));
        assertTrue(text(told).contains("> Olivia, the depot is yours"), "Dana sees the note that went along");
        assertEquals(0, mails("jeff@example.com", "Answered: ").size(), "nothing was answered");

        // SES delivers the same reply again: nothing more happens
        JsonNode again = invoke(sesEvent(mailId, reply(1))).get(0);
        assertEquals("already_handed_on", again.get("outcome").asText(), again.toString());
        assertEquals(record.escalations(), record().escalations());
        assertEquals(1, mails("olivia@example.com", "? ").size());
        assertEquals(1, mails("dana@example.com", "Handed to Olivia").size());
        assertEquals(2, record().escalations().size());
        assertNull(review(mailId), "a redelivery of an applied mail is not for review");

        // Olivia answers her step: the item is answered, the handed-on step stays handed on
        at("PT2H");
        String answer = newMailId();
        deliverReply(answer, "Olivia <olivia@example.com>", reply(2), "Found it at the depot; it ships today.");
        assertEquals("answered", invoke(sesEvent(answer, reply(2))).get(0).get("outcome").asText());
        assertEquals(EscalationStatus.HANDED_ON, record().escalation(1).orElseThrow().status());
        assertEquals(EscalationStatus.ANSWERED, record().escalation(2).orElseThrow().status());
        assertEquals(FeedbackStatus.ANSWERED, record().feedback().status());
    }

    @Test
    void anAddressOfAnOwnerWorksLikeTheirAlias() {
        askDana();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? bora@example.com");

        assertEquals("handed_on", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        assertEquals("billing", record().escalation(2).orElseThrow().owner());
        assertEquals(1, mails("bora@example.com", "? ").size());
        assertFalse(text(single(mails("bora@example.com", "? "))).contains("with a note"), "no note, none shown");
    }

    @Test
    void anUnknownAliasChangesNothingIsKeptAndDanaIsToldOnce() {
        askDana();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? @opps\r\n\r\nOlivia, yours.");

        JsonNode result = invoke(sesEvent(mailId, reply(1))).get(0);

        assertEquals("kept_for_review", result.get("outcome").asText(), result.toString());
        assertStillOpenWithDana();
        Map<String, AttributeValue> review = review(mailId);
        assertNotNull(review, "kept for review");
        assertTrue(review.get("reason").s().contains("\"? @opps\" from dana@example.com on " + feedbackId + "-1 did not hand it on: "
                + "nobody has the alias 'opps'"), review.get("reason").s());
        OutboxMail told = single(mails("dana@example.com", "Not handed on: ? "));
        assertTrue(text(told).startsWith("Your reply \"? @opps\" did not hand the question on: nobody has the alias 'opps'."),
                text(told));
        assertTrue(text(told).contains("(delivery, billing, ops, founder)"), text(told));
        assertEquals(List.of(reply(1)), told.replyTo(), "a corrected reply to this mail works");

        invoke(sesEvent(mailId, reply(1)));
        assertEquals(1, mails("dana@example.com", "Not handed on: ? ").size(), "told once, even when SES delivers twice");
        assertStillOpenWithDana();
    }

    @Test
    void tenRepliesToAnAliasNobodyHasTellDanaOnceAndADifferentMistakeOnceMore() {
        askDana();
        List<String> mailIds = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String mailId = newMailId();
            mailIds.add(mailId);
            deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? @opps\r\n\r\nTry " + i);
            assertEquals("kept_for_review", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());
        }

        assertEquals(1, mails("dana@example.com", "Not handed on: ? ").size(), "told once per question and reason");
        mailIds.forEach(id -> assertNotNull(review(id), "every reply is kept for review"));
        assertStillOpenWithDana();

        String other = newMailId();
        deliverReply(other, "Dana <dana@example.com>", reply(1), "? @nobody");
        invoke(sesEvent(other, reply(1)));
        invoke(sesEvent(other, reply(1)));
        List<OutboxMail> told = mails("dana@example.com", "Not handed on: ? ");
        assertEquals(2, told.size(), "another reason is told, once");
        assertTrue(text(told.get(1)).contains("nobody has the alias 'nobody'"), text(told.get(1)));
    }

    @Test
    void aHandOnWithAMegabyteNoteIsHandedOnWithWhatFitsAndDanaIsToldOnce() {
        askDana();
        String mailId = newMailId();
        String line = "The depot says the parcel never left; here is the whole log of the scanner.";
        String note = (line + "\r\n").repeat(1024 * 1024 / line.length());
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? @ops\r\n\r\n" + note);

        JsonNode result = invoke(sesEvent(mailId, reply(1))).get(0);

        assertEquals("handed_on", result.get("outcome").asText(), result.toString());
        Escalation dana = record().escalation(1).orElseThrow();
        assertEquals(EscalationStatus.HANDED_ON, dana.status());
        String kept = dana.handedOn().note();
        assertTrue(kept.startsWith(line + "\n" + line), kept.substring(0, 200));
        assertTrue(kept.endsWith("characters kept]"), kept.substring(kept.length() - 100));
        assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= StoredText.LONG_TEXT_BYTES);
        assertEquals(EscalationStatus.OPEN, record().escalation(2).orElseThrow().status(), "Olivia is asked");
        assertEquals(1, mails("olivia@example.com", "? ").size());
        String location = "s3://" + bed.bucket + "/inbound/" + mailId;
        assertTrue(record().timeline().stream().anyMatch(e -> e.type().equals("handed-on")
                && e.detail().contains("note was cut") && e.detail().contains(location)), record().timeline().toString());

        OutboxMail cut = single(mails("dana@example.com", "Cut: "));
        assertTrue(text(cut).startsWith("Your note was handed on with the question; it was longer than Qmark keeps: "
                + "the first "), text(cut));
        assertTrue(text(cut).contains(location), text(cut));

        assertEquals("already_handed_on", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());
        assertEquals(1, mails("dana@example.com", "Cut: ").size(), "told once, even when SES delivers twice");
    }

    @Test
    void aMegabyteAliasIsKeptForReviewWithABoundedReason() {
        askDana();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? @" + "o".repeat(1024 * 1024));

        assertEquals("kept_for_review", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        String reason = review(mailId).get("reason").s();
        assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= StoredText.REASON_BYTES, reason.length() + " chars");
        assertTrue(reason.endsWith("characters kept]"), reason.substring(reason.length() - 80));
        assertStillOpenWithDana();
        assertEquals(1, mails("dana@example.com", "Not handed on: ? ").size());
    }

    @Test
    void handingItToOneselfChangesNothing() {
        askDana();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "? dana@example.com");

        assertEquals("kept_for_review", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        assertStillOpenWithDana();
        assertTrue(review(mailId).get("reason").s().contains("is you"), review(mailId).toString());
        assertEquals(1, mails("dana@example.com", "Not handed on: ? ").size());
    }

    @Test
    void aBareQuestionMarkFromAnOwnerIsNoTriage() {
        askDana();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "?");

        assertEquals("kept_for_review", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        assertStillOpenWithDana();
        assertTrue(review(mailId).get("reason").s().contains("a bare ? sends on only the founder's triage"));
        assertEquals(1, mails("dana@example.com", "Not handed on: ? ").size());
    }

    // ------------------------------------------------------------------ the founder's triage

    @Test
    void theFoundersBareQuestionMarkSendsItToTheRoutesOwner() {
        routeVip();
        OutboxMail triage = single(mails("jeff@example.com", "? "));
        assertTrue(text(triage).contains("Triage: reply with just ? to send it to Dana, or ? @alias to pick another owner"),
                text(triage));
        assertEquals(List.of(reply(1)), triage.replyTo());
        Escalation asked = record().escalation(1).orElseThrow();
        assertEquals("founder", asked.owner());
        assertEquals(T0.plus(Duration.ofHours(4)), asked.dueAt(), "the triage step has the route's answerWithin");
        assertEquals("delivery", record().feedback().route().owner(), "the item's owner is the route's");

        at("PT30M");
        String mailId = newMailId();
        deliverReply(mailId, "Jeff <jeff@example.com>", reply(1), "?");
        ObjectNode event = sesEvent(mailId, reply(1));
        verdict(event, "dkimVerdict", "FAIL");  // SPF passes: one of the two is enough

        JsonNode result = invoke(event).get(0);

        assertEquals("handed_on", result.get("outcome").asText(), result.toString());
        FeedbackRecord record = record();
        assertEquals(EscalationStatus.HANDED_ON, record.escalation(1).orElseThrow().status());
        Escalation dana = record.escalation(2).orElseThrow();
        assertEquals("delivery", dana.owner());
        assertEquals(EscalationStatus.OPEN, dana.status());
        assertEquals(T0.plus(Duration.ofMinutes(270)), dana.dueAt(), "Dana's own four hours from the triage");
        assertFalse(onSweepersList(1));
        String question = text(single(mails("dana@example.com", "? ")));
        assertTrue(question.contains("Jeff (founder), asked Mon 23 Nov 2026, 10:00 (Asia/Seoul), due Mon 23 Nov 2026, "
                + "14:00 (Asia/Seoul): handed on to you Mon 23 Nov 2026, 10:30 (Asia/Seoul)"), question);
        assertTrue(question.contains("Jeff handed this on to you."), question);
        assertEquals(1, mails("jeff@example.com", "Handed to Dana").size());
    }

    @Test
    void theFounderPicksAnotherOwnerFromASecondAddress() {
        routeVip();
        at("PT1H");
        String mailId = newMailId();
        deliverReply(mailId, "Jeff <jeff@phone.example>", reply(1), "? @billing\r\n\r\nBora, a refund is owed here.");

        assertEquals("handed_on", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        Escalation bora = record().escalation(2).orElseThrow();
        assertEquals("billing", bora.owner());
        // Bora works Seoul office hours: 11:00-12:00, lunch, 13:00-16:00
        assertEquals(Instant.parse("2026-11-23T07:00:00Z"), bora.dueAt());
        String question = text(single(mails("bora@example.com", "? ")));
        assertTrue(question.contains("Jeff handed this on to you with a note:\n> Bora, a refund is owed here."), question);
        assertEquals(1, mails("jeff@phone.example", "Handed to Bora").size(), "told where the command came from");
        assertEquals(0, mails("dana@example.com", "? ").size(), "the route's owner is not asked");
    }

    @Test
    void theFoundersQuestionMarkWithSpfAndDkimFailingIsKept() {
        routeVip();
        String mailId = newMailId();
        deliverReply(mailId, "Jeff <jeff@example.com>", reply(1), "?");
        ObjectNode event = sesEvent(mailId, reply(1));
        verdict(event, "spfVerdict", "FAIL");
        verdict(event, "dkimVerdict", "FAIL");

        assertEquals("kept_for_review", invoke(event).get(0).get("outcome").asText());

        assertTriageUntouched();
        assertNotNull(review(mailId));
    }

    @Test
    void theFoundersQuestionMarkWithoutAPassingVerdictIsKeptWithoutReply() {
        routeVip();
        // neither verdict fails, so SES's quarantine lets it through; neither passes either
        String gray = newMailId();
        deliverReply(gray, "Jeff <jeff@example.com>", reply(1), "? @billing");
        ObjectNode event = sesEvent(gray, reply(1));
        verdict(event, "spfVerdict", "GRAY");
        verdict(event, "dkimVerdict", "GRAY");
        assertEquals("kept_for_review", invoke(event).get(0).get("outcome").asText());
        assertTrue(review(gray).get("reason").s().contains("counts only when SES's SPF or DKIM verdict passes"
                + " (SPF not passed, DKIM not passed)"), review(gray).toString());

        // an S3 notification carries no verdicts at all
        String s3 = newMailId();
        deliverReply(s3, "Jeff <jeff@example.com>", reply(1), "?");
        assertEquals("kept_for_review", invoke(s3Event(s3)).get(0).get("outcome").asText());

        assertTriageUntouched();
        assertEquals(0, mails("jeff@example.com", "Not handed on").size(), "no mail back to an unauthenticated sender");
    }

    @Test
    void aQuestionMarkFromAnAddressThatIsNotTheFoundersIsKept() {
        routeVip();
        String mailId = newMailId();
        deliverReply(mailId, "Dana <dana@example.com>", reply(1), "?");

        JsonNode result = invoke(sesEvent(mailId, reply(1))).get(0);

        assertEquals("kept_for_review", result.get("outcome").asText());
        assertTrue(result.get("reason").asText().contains("who was not asked"), result.toString());
        assertTriageUntouched();
        assertEquals(0, mails("dana@example.com", "Not handed on").size());
    }

    @Test
    void anyOtherTextFromTheFounderIsTheAnswer() {
        routeVip();
        String mailId = newMailId();
        deliverReply(mailId, "Jeff <jeff@example.com>", reply(1), "I called Minsu myself; a new parcel left today.");

        assertEquals("answered", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        assertEquals(EscalationStatus.ANSWERED, record().escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.ANSWERED, record().feedback().status());
        assertEquals(1, record().escalations().size());
    }

    // ------------------------------------------------------------------ helpers

    /** Late-delivery feedback routed to Dana; the escalator's own code asks her (step 1, due T0 + 4h). */
    private void askDana() {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                title, "I ordered on Monday and the parcel still has not arrived.\n배송이 언제 되나요?", 2, T0,
                FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        bed.repository().recordRoute(feedbackId, new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                T0.plus(Duration.ofHours(4)), T0), new TimelineEvent(T0, "routed", "late-delivery"));
        assertEquals(Escalator.Outcome.ASKED, escalator().ask(new EscalationRequest(feedbackId, 1, "delivery",
                T0.plus(Duration.ofHours(4)))));
    }

    /** Feedback that the vip route takes, routed by the real router: the founder is asked first. */
    private void routeVip() {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                title + " (vip)", "Our vip order is a week late.", 2, T0, FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        Escalator escalator = escalator();
        RouteDecision decision = new RoutingService(bed.repository(), escalator::ask, new Router(config), clock)
                .route(feedbackId);
        assertEquals("vip", decision.route());
    }

    private void assertStillOpenWithDana() {
        FeedbackRecord record = record();
        assertEquals(1, record.escalations().size(), "nobody else asked");
        assertEquals(EscalationStatus.OPEN, record.escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertTrue(onSweepersList(1));
        assertEquals(0, mails("olivia@example.com", "? ").size());
    }

    private void assertTriageUntouched() {
        FeedbackRecord record = record();
        assertEquals(1, record.escalations().size(), "nobody else asked");
        assertEquals(EscalationStatus.OPEN, record.escalation(1).orElseThrow().status());
        assertEquals("founder", record.escalation(1).orElseThrow().owner());
        assertTrue(onSweepersList(1));
        assertEquals(0, mails("dana@example.com", "? ").size());
        assertEquals(0, mails("bora@example.com", "? ").size());
    }

    private Escalator escalator() {
        return new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock);
    }

    private void at(String sinceT0) {
        clock.set(T0.plus(Duration.parse(sinceT0)));
    }

    private String reply(int step) {
        return config.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, step));
    }

    private FeedbackRecord record() {
        return bed.repository().findRecord(feedbackId).orElseThrow();
    }

    private boolean onSweepersList(int step) {
        String sk = String.format("ESC#%03d", step);
        return bed.dynamo.query(q -> q.tableName(bed.table).indexName("byDeadline")
                        .keyConditionExpression("deadlineShard = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN"))))
                .items().stream().anyMatch(i -> i.get("pk").s().equals("FB#" + feedbackId) && i.get("sk").s().equals(sk));
    }

    private Map<String, AttributeValue> review(String mailId) {
        Map<String, AttributeValue> item = bed.dynamo.getItem(g -> g.tableName(bed.table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("REVIEW#" + mailId), "sk", AttributeValue.fromS("REVIEW")))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** This test's mails (the outbox is shared by the JVM's tests) to an address, by subject start. */
    private List<OutboxMail> mails(String to, String subjectStart) {
        return bed.mailTo(to).stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback")))
                .filter(m -> m.subject().startsWith(subjectStart))
                .toList();
    }

    private static OutboxMail single(List<OutboxMail> mails) {
        assertEquals(1, mails.size(), mails.toString());
        return mails.get(0);
    }

    private static String text(OutboxMail mail) {
        return mail.text().replace("\r\n", "\n");
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    /** An Outlook desktop reply: the new text on top, then Outlook's header block and the quoted "?". */
    private void deliverReply(String mailId, String from, String to, String top) {
        String raw = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: RE: ? " + title + "\r\n"
                + "Date: Mon, 23 Nov 2026 11:00:00 +0900\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + top + "\r\n"
                + "\r\n"
                + "________________________________\r\n"
                + "From: Jeff (via Qmark) <qmark@example.com>\r\n"
                + "Sent: Monday, November 23, 2026 10:00 AM\r\n"
                + "To: " + from + "\r\n"
                + "Subject: ? " + title + "\r\n"
                + "\r\n"
                + "?\r\n"
                + "\r\n"
                + "> I ordered on Monday and the parcel still has not arrived.\r\n";
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));
    }


    private ObjectNode s3Event(String mailId) {
        ObjectNode event = SampleEvents.json("mail-intake-s3.json");
        ObjectNode s3 = (ObjectNode) event.at("/Records/0/s3");
        ((ObjectNode) s3.get("bucket")).put("name", bed.bucket);
        ((ObjectNode) s3.get("object")).put("key", "inbound/" + mailId);
        return event;
    }

    private static void verdict(ObjectNode event, String name, String status) {
        ((ObjectNode) event.at("/Records/0/ses/receipt/" + name)).put("status", status);
    }


    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
