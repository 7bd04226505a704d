package dev.qmark.mailintake;

import static dev.qmark.mailintake.SesReceipts.newMailId;
import static dev.qmark.mailintake.SesReceipts.sesEvent;
import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.Json;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.SampleEvents;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.Escalation;
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
import dev.qmark.core.text.StoredText;
import dev.qmark.emulators.OutboxMail;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mail intake as Lambda runs it on SES receiving and S3 events, against DynamoDB Local, the S3
 * and SES stand-ins over the real SDK: a "?" is asked for real first (the escalator's own code
 * sends it through SES), then the owner's reply lands in the bucket and is applied, or kept.
 */
class MailIntakeHandlerTest {

    private static final String CUSTOMER_WORDS =
            "I ordered on Monday and the parcel still has not arrived.\n배송이 언제 되나요?";
    private static final String ANSWER_TOP = "We found the parcel in the depot.\r\nIt goes out today by courier, "
            + "and the depot now scans every parcel twice.";
    private static final String ANSWER = ANSWER_TOP.replace("\r\n", "\n");

    private static QmarkConfig config;

    private TestBed bed;
    private MailIntakeHandler handler;
    private String feedbackId;
    private String replyAddress;

    @BeforeAll
    static void loadConfig() {
        config = ConfigLoader.locate(TestBed.ROOT.resolve("config/qmark.yaml").toString());
    }

    @BeforeEach
    void askDana() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
        feedbackId = storeRouted();
        // the escalator's own code, through the SES stand-in: the "?" Dana will answer
        Escalator escalator = new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain()), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, Clock.systemUTC());
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(new EscalationRequest(feedbackId, 1, "delivery",
                Instant.now().plus(Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
        OutboxMail question = bed.outbox().stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).findFirst().orElseThrow();
        replyAddress = question.replyTo().get(0);
        assertEquals(config.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, 1)), replyAddress);
    }

    @Test
    void theOwnersOutlookReplyBecomesTheAnswerAndTheFounderIsTold() {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));

        JsonNode results = invoke(sesEvent(mailId, replyAddress));

        assertEquals(1, results.size(), results.toString());
        JsonNode result = results.get(0);
        assertEquals(mailId, result.get("mailId").asText());
        assertEquals("answered", result.get("outcome").asText());
        assertEquals(feedbackId, result.get("feedbackId").asText());

        FeedbackRecord record = bed.repository().findRecord(feedbackId).orElseThrow();
        Escalation escalation = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, escalation.status());
        assertEquals(ANSWER, escalation.answer().replace("\r\n", "\n").strip(), "only the text above the quote");
        assertEquals("dana@example.com", escalation.answeredBy());
        assertNotNull(escalation.answeredAt());
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        List<String> types = record.timeline().stream().map(TimelineEvent::type).toList();
        assertTrue(types.containsAll(List.of("received", "routed", "asked", "answered", "founder-told")), types.toString());
        assertFalse(inDeadlineIndex(feedbackId), "an answered escalation leaves the deadline index");

        List<OutboxMail> founder = answeredMails();
        assertEquals(1, founder.size());
        OutboxMail mail = founder.get(0);
        assertEquals(List.of("jeff@example.com"), mail.to());
        assertEquals("Answered: My delivery is late", mail.subject());
        assertEquals("auto-generated", mail.header("Auto-Submitted"));
        String text = mail.text().replace("\r\n", "\n");
        assertTrue(text.contains(ANSWER), text);
        assertTrue(text.contains("> I ordered on Monday and the parcel still has not arrived.\n> 배송이 언제 되나요?"),
                "the customer's words:\n" + text);
        assertTrue(text.contains("Dana answered in"), text);
        assertFalse(text.contains("________________"), "nothing of the quoted \"?\" mail");
        assertFalse(text.contains("Sent: Monday"));
        assertTrue(bed.mailTo("dana@example.com").stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).count() == 1, "no mail back to Dana");
    }

    @Test
    void aMegabyteAnswerIsRecordedWithWhatFitsTheTimelineSaysSoAndDanaIsToldOnce() {
        String mailId = newMailId();
        String line = "We found the parcel in the depot; this is everything the courier told us, line by line.";
        String big = (line + "\r\n").repeat(1024 * 1024 / line.length());
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, big));

        JsonNode result = invoke(sesEvent(mailId, replyAddress)).get(0);

        assertEquals("answered", result.get("outcome").asText(), result.toString());
        FeedbackRecord record = bed.repository().findRecord(feedbackId).orElseThrow();
        Escalation escalation = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, escalation.status());
        assertEquals(FeedbackStatus.ANSWERED, record.feedback().status());
        String answer = escalation.answer();
        assertTrue(answer.startsWith(line + "\n" + line), answer.substring(0, 200));
        assertTrue(answer.endsWith("characters kept]"), answer.substring(answer.length() - 100));
        int bytes = answer.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= StoredText.LONG_TEXT_BYTES && bytes > StoredText.LONG_TEXT_BYTES - 1000,
                "as much as fits: " + bytes);
        String location = "s3://" + bed.bucket + "/inbound/" + mailId;
        assertTrue(record.timeline().stream().anyMatch(e -> e.type().equals("answered")
                && e.detail().contains("answer was cut") && e.detail().contains(location)), record.timeline().toString());
        assertEquals(1, answeredMails().stream().filter(m -> m.subject().startsWith("Answered: ")).count(),
                "the founder is told");

        List<OutboxMail> cut = bed.mailTo("dana@example.com").stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback")) && m.subject().startsWith("Cut: ")).toList();
        assertEquals(1, cut.size(), "Dana is told what was kept");
        String text = cut.get(0).text().replace("\r\n", "\n");
        assertTrue(text.startsWith("Your answer was recorded; it was longer than Qmark keeps: the first "), text);
        assertTrue(text.contains(location), text);
        assertEquals("auto-generated", cut.get(0).header("Auto-Submitted"));

        assertEquals("already_answered", invoke(sesEvent(mailId, replyAddress)).get(0).get("outcome").asText());
        assertEquals(1, bed.mailTo("dana@example.com").stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback")) && m.subject().startsWith("Cut: ")).count(),
                "told once, even when SES delivers twice");
    }

    @Test
    void theSameMailDeliveredAgainChangesNothingAndTellsTheFounderOnce() {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
        invoke(sesEvent(mailId, replyAddress));
        Escalation first = bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow();

        JsonNode again = invoke(sesEvent(mailId, replyAddress));

        assertEquals("already_answered", again.get(0).get("outcome").asText(), again.toString());
        assertEquals(first, bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow());
        assertEquals(1, answeredMails().size());
        assertNull(review(mailId), "a redelivery of an applied mail is not for review");
    }

    /**
     * mail-intake failed on a mail at every attempt Lambda made (a crash, DynamoDB unreachable):
     * Lambda's on-failure destination put the invocation record in its DLQ, and its schedule
     * applies the mail from there, once. (Before issue 15 a pending record per mail did this; the
     * record is gone, see docs/cost.md.)
     */
    @Test
    void aMailWhoseInvocationFailedEveryAttemptIsAppliedFromTheDlqByTheRecoveryScheduleOnce() {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
        bed.failedMailIntake(sesEvent(mailId, replyAddress).toString());
        String stuckFeedback = storeRouted(Instant.now().minus(Duration.ofMinutes(30)));

        JsonNode report = invoke(SampleEvents.json("mail-intake-schedule.json"));

        assertEquals(1, report.path("mails").size(), report.toString());
        assertEquals("answered", report.path("mails").get(0).path("outcome").asText(), report.toString());
        assertEquals(mailId, report.path("mails").get(0).path("mailId").asText());
        assertEquals(EscalationStatus.ANSWERED,
                bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow().status());
        assertEquals(1, answeredMails().size());
        assertEquals(1, report.path("feedbackEnqueued").asInt(), "the stored item that never reached the router");
        assertTrue(bed.drain(bed.feedbackQueueUrl).stream().anyMatch(m -> m.body().contains(stuckFeedback)));
        assertEquals(0, dlqMessages(), "applied: gone from the DLQ");

        JsonNode next = invoke(SampleEvents.json("mail-intake-schedule.json"));
        assertEquals(0, next.path("mails").size(), "nothing left " + next);
        assertEquals("already_answered", invoke(sesEvent(mailId, replyAddress)).get(0).get("outcome").asText(),
                "SES's own late redelivery finds it answered");
        assertEquals(1, answeredMails().size());
        assertNull(review(mailId));
    }

    /**
     * No record of the mail is needed for exactly-once: an answer killed before any of its steps (each
     * DynamoDB write, each send) is finished by the retry Lambda makes a minute later, answered once,
     * the founder told once, nothing kept for review. The one exception is SendOnce's documented
     * choice: killed after the founder's mail went out and before its mark, the retry (the lease run
     * out) sends it again rather than risk losing it.
     */
    @Test
    void anAnswerKilledBeforeAnyOfItsStepsIsFinishedOnceByItsRetry() {
        for (int step = 1; ; step++) {
            if (step > 1) {
                askDana();  // a fresh bed: a new "?" to answer
            }
            String mailId = newMailId();
            bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
            ObjectNode event = sesEvent(mailId, replyAddress);

            String killedAt = KillSwitch.killBefore(step, () -> invoke(event));
            if (killedAt == null) {
                assertTrue(step > 4, "an answer has steps to kill: " + step);
                return;  // every step was a kill point
            }
            String sentUnmarked = KillSwitch.lastStep();
            if ("SesV2.SendEmail".equals(killedAt) || "SesV2.SendEmail".equals(sentUnmarked)) {
                // the founder's mail refused, or sent and not marked: the escalation says answered (off the
                // sweeper's list), the item waits for its ANSWERED write, which is the mail's mark
                FeedbackRecord between = bed.repository().findRecord(feedbackId).orElseThrow();
                String at = "killed before step " + step + " (" + killedAt + ")";
                assertEquals(EscalationStatus.ANSWERED, between.escalation(1).orElseThrow().status(), at);
                assertEquals(FeedbackStatus.ASKED, between.feedback().status(), at);
                assertFalse(between.answerTold(1), at);
            }

            MailIntakeHandler retry = new MailIntakeHandler(bed.env(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))));
            JsonNode result = Invoke.handler(retry, event.toString()).get(0);

            String where = "killed before step " + step + " (" + killedAt + "): " + result;
            assertTrue(Set.of("answered", "already_answered").contains(result.path("outcome").asText()), where);
            FeedbackRecord record = bed.repository().findRecord(feedbackId).orElseThrow();
            assertEquals(EscalationStatus.ANSWERED, record.escalation(1).orElseThrow().status(), where);
            assertEquals(ANSWER, record.escalation(1).orElseThrow().answer().replace("\r\n", "\n").strip(), where);
            assertEquals(FeedbackStatus.ANSWERED, record.feedback().status(), where);
            assertTrue(record.answerTold(1), where);
            assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("answered")).count(), where);
            if ("SesV2.SendEmail".equals(sentUnmarked)) {
                assertTrue(answeredMails().size() <= 2 && !answeredMails().isEmpty(), where);
            } else {
                assertEquals(1, answeredMails().size(), where);
            }
            assertNull(review(mailId), where);
        }
    }

    /** A failed invocation that fails again stays in the DLQ for the next run, counted by SQS. */
    @Test
    void aFailedInvocationThatFailsAgainStaysInTheDlqForTheNextRun() {
        String mailId = newMailId();  // nothing in the bucket under it: reading the mail fails
        bed.failedMailIntake(sesEvent(mailId, replyAddress).toString());

        JsonNode report = invoke(SampleEvents.json("mail-intake-schedule.json"));

        assertEquals("failed", report.path("mails").get(0).path("outcome").asText(), report.toString());
        assertEquals(1, dlqMessages(), "still in the DLQ (out of sight until the next run)");
        assertNull(review(mailId));
    }

    /** A mail that failed every recovery does not fail forever in silence: it is kept for review. */
    @Test
    void aMailThatNeverGetsThroughEndsInReviewAfterItsRecoveries() {
        String mailId = newMailId();
        bed.failedMailIntake(sesEvent(mailId, replyAddress).toString());
        for (int run = 0; run < MailIntake.MAX_RECOVERIES; run++) {  // five runs took it and failed
            bed.sqs.receiveMessage(r -> r.queueUrl(bed.mailIntakeDlqUrl).visibilityTimeout(0));
        }

        JsonNode report = invoke(SampleEvents.json("mail-intake-schedule.json"));

        assertEquals("kept_for_review", report.path("mails").get(0).path("outcome").asText(), report.toString());
        assertNotNull(review(mailId));
        assertTrue(review(mailId).get("reason").s().startsWith("not applied after 5 recoveries"));
        assertEquals("s3://" + bed.bucket + "/inbound/" + mailId, review(mailId).get("rawLocation").s());
        assertEquals(0, dlqMessages(), "kept for review: gone from the DLQ");
    }

    @Test
    void aSecondReplyAfterTheAnswerIsKeptNotApplied() {
        String first = newMailId();
        bed.putMail("inbound/" + first, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
        invoke(sesEvent(first, replyAddress));

        String second = newMailId();
        bed.putMail("inbound/" + second, outlookReply("Dana <dana@example.com>", replyAddress, "Actually, scratch that."));
        JsonNode results = invoke(sesEvent(second, replyAddress));

        assertEquals("kept_for_review", results.get(0).get("outcome").asText());
        assertEquals(ANSWER, bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow()
                .answer().replace("\r\n", "\n").strip(), "the first answer stands");
        assertEquals(1, answeredMails().size());
        assertTrue(review(second).get("reason").s().contains("not open"), review(second).toString());
    }

    @Test
    void aReplyFromSomeoneElseIsKeptForReview() {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Eve <eve@example.com>", replyAddress, "Consider it done."));

        JsonNode results = invoke(sesEvent(mailId, replyAddress));

        assertEquals("kept_for_review", results.get(0).get("outcome").asText(), results.toString());
        assertStillOpen();
        Map<String, AttributeValue> review = review(mailId);
        assertNotNull(review, "a REVIEW# item is kept");
        assertEquals("eve@example.com", review.get("from").s());
        assertEquals("s3://" + bed.bucket + "/inbound/" + mailId, review.get("rawLocation").s(),
                "the raw mail stays in S3 and the review says where");
        assertTrue(review.get("reason").s().contains("eve@example.com"), review.get("reason").s());
        assertTrue(review.get("reason").s().contains("dana@example.com was"), review.get("reason").s());
        assertEquals("RE: ? My delivery is late", review.get("subject").s());
        assertEquals(0, answeredMails().size());
    }

    @Test
    void aForgedTokenIsKeptForReview() {
        String forged = flipLastMacCharacter(replyAddress);
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", forged, "Done."));

        JsonNode results = invoke(sesEvent(mailId, forged));

        assertEquals("kept_for_review", results.get(0).get("outcome").asText());
        assertTrue(results.get(0).get("reason").asText().contains("forged"), results.toString());
        assertStillOpen();
        assertNotNull(review(mailId));
        assertEquals(0, answeredMails().size());
    }

    @Test
    void aValidTokenForAnEscalationThatWasNeverAskedIsKeptForReview() {
        String step2 = config.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, 2));
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", step2, "Done."));

        JsonNode results = invoke(sesEvent(mailId, step2));

        assertEquals("kept_for_review", results.get(0).get("outcome").asText());
        assertTrue(results.get(0).get("reason").asText().contains("does not exist"), results.toString());
        assertStillOpen();
    }

    @Test
    void garbageIsKeptForReviewWithoutAnException() {
        String mailId = newMailId();
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        bed.putMail("inbound/" + mailId, garbage);

        JsonNode results = invoke(sesEvent(mailId, replyAddress));

        assertEquals("kept_for_review", results.get(0).get("outcome").asText(), results.toString());
        assertStillOpen();
        assertNotNull(review(mailId));
        assertEquals(0, answeredMails().size());
    }

    @Test
    void mailSesFlagsAsSpamOrVirusIsQuarantinedEvenFromTheOwner() {
        for (String verdict : new String[] {"spamVerdict", "virusVerdict"}) {
            String mailId = newMailId();
            bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
            ObjectNode event = sesEvent(mailId, replyAddress);
            ((ObjectNode) event.at("/Records/0/ses/receipt/" + verdict)).put("status", "FAIL");

            JsonNode results = invoke(event);

            assertEquals("kept_for_review", results.get(0).get("outcome").asText(), verdict);
            assertTrue(results.get(0).get("reason").asText().startsWith("quarantined"), results.toString());
            assertTrue(review(mailId).get("reason").s().startsWith("quarantined"));
            assertStillOpen();
        }
        assertEquals(0, answeredMails().size());
    }

    @Test
    void theS3EventVariantAnswersToo() throws Exception {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, multipartReply("Dana <dana@example.com>", replyAddress, ANSWER_TOP));
        ObjectNode event = SampleEvents.json("mail-intake-s3.json");
        ObjectNode s3 = (ObjectNode) event.at("/Records/0/s3");
        ((ObjectNode) s3.get("bucket")).put("name", bed.bucket);
        ((ObjectNode) s3.get("object")).put("key", "inbound/" + mailId);

        JsonNode results = invoke(event);

        assertEquals("answered", results.get(0).get("outcome").asText(), results.toString());
        assertEquals(mailId, results.get(0).get("mailId").asText());
        Escalation escalation = bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, escalation.status());
        assertEquals(ANSWER, escalation.answer().replace("\r\n", "\n").strip());
        assertEquals(1, answeredMails().size());
    }

    @Test
    void addressesAreReadWhateverTheirCase() {
        String shouted = replyAddress.toUpperCase(java.util.Locale.ROOT);
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <DANA@Example.COM>", shouted, ANSWER_TOP));
        assertEquals("answered", invoke(sesEvent(mailId, shouted)).get(0).get("outcome").asText());
    }

    @Test
    void anEventWithoutRecordsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> invoke(Json.MAPPER.createObjectNode()));
        ObjectNode empty = Json.MAPPER.createObjectNode();
        empty.putArray("Records");
        assertThrows(IllegalArgumentException.class, () -> invoke(empty));
        ObjectNode other = sesEvent(newMailId(), replyAddress);
        ((ObjectNode) other.at("/Records/0")).put("eventSource", "aws:sqs");
        assertThrows(IllegalArgumentException.class, () -> invoke(other));
        assertStillOpen();
    }

    /*
     * RFC 3834 vacation responders answer to the Reply-To with "Auto-Submitted: auto-replied".
     * ARCHITECTURE.md (section 5) names the loop guards to adopt (Auto-Submitted, Precedence,
     * X-Autoreply, X-Auto-Response-Suppress). Such a reply from the owner asked is never her answer;
     * since issue 11 it hands the question on at once (core.mail.OutOfOffice, QuestionsPassedOn).
     */
    @Test
    void anOutOfOfficeAutoReplyIsNotAnAnswer() {
        String mailId = newMailId();
        String raw = "From: Dana <dana@example.com>\r\n"
                + "To: " + replyAddress + "\r\n"
                + "Subject: Automatic reply: ? My delivery is late\r\n"
                + "Date: Mon, 23 Nov 2026 19:15:00 +0900\r\n"
                + "Message-ID: <" + mailId + "@example.com>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "X-Auto-Response-Suppress: All\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "I am out of the office until Monday 30 November with no access to mail.\r\n";
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));

        JsonNode results = invoke(sesEvent(mailId, replyAddress));

        // issue 11: not an answer, but a signal: the question goes on at once (Dana has no deputy: her manager)
        assertEquals("handed_on", results.get(0).get("outcome").asText(), results.toString());
        assertEquals(0, answeredMails().size());
        FeedbackRecord record = bed.repository().findRecord(feedbackId).orElseThrow();
        Escalation away = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.AWAY, away.status());
        // the day after "until 30 November" at 09:00 in Seoul, this year's or next (the test runs on the real clock)
        assertTrue(away.handedOn().backAt().toString().endsWith("-12-01T00:00:00Z"), away.handedOn().backAt().toString());
        assertEquals("ops", record.escalation(2).orElseThrow().owner());
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertTrue(bed.mailTo("olivia@example.com").get(0).text().contains("out of the office until Monday 30 November"));
    }

    /*
     * README: "A reply counts only when it comes from the owner who was asked". The only check is
     * the From header, which anyone can write; SES hands over its DMARC verdict in the receipt
     * (FAIL only when the domain publishes a DMARC policy and the mail fails it, i.e. From is
     * forged), and MailIntake reads spam and virus verdicts but ignores it. Whoever sees a "?"
     * (a forward, a CC) can answer in the owner's name.
     */
    @Test
    void aReplyWithAForgedOwnerAddressIsNotApplied() {
        String mailId = newMailId();
        bed.putMail("inbound/" + mailId, outlookReply("Dana <dana@example.com>", replyAddress, "Refund them all."));
        ObjectNode event = sesEvent(mailId, replyAddress);
        ObjectNode receipt = (ObjectNode) event.at("/Records/0/ses/receipt");
        ((ObjectNode) receipt.get("dmarcVerdict")).put("status", "FAIL");
        ((ObjectNode) receipt.get("spfVerdict")).put("status", "FAIL");
        ((ObjectNode) receipt.get("dkimVerdict")).put("status", "FAIL");

        JsonNode results = invoke(event);

        assertEquals("kept_for_review", results.get(0).get("outcome").asText(), results.toString());
        assertStillOpen();
    }

    // --- helpers ------------------------------------------------------------------------------

    private String storeRouted() {
        return storeRouted(Instant.now());
    }

    private String storeRouted(Instant now) {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "My delivery is late", CUSTOMER_WORDS, 2, now, FeedbackStatus.RECEIVED, null);
        assertTrue(bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fingerprint", now.plusSeconds(600),
                new TimelineEvent(now, "received", "received via web")).created());
        assertTrue(bed.repository().recordRoute(feedback.id(), new RouteDecision("late-delivery", "delivery",
                Duration.ofHours(4), now.plus(Duration.ofHours(4)), now), new TimelineEvent(now, "routed", "late-delivery")));
        return feedback.id();
    }

    private void assertStillOpen() {
        FeedbackRecord record = bed.repository().findRecord(feedbackId).orElseThrow();
        Escalation escalation = record.escalation(1).orElseThrow();
        assertEquals(EscalationStatus.OPEN, escalation.status());
        assertNull(escalation.answer());
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertTrue(inDeadlineIndex(feedbackId), "still on the sweeper's list");
    }

    /** The founder's "Answered:" mails about this test's item. */
    private List<OutboxMail> answeredMails() {
        return bed.mailTo("jeff@example.com").stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback")))
                .toList();
    }

    /** Messages in mail-intake's DLQ, in sight or not. */
    private int dlqMessages() {
        Map<software.amazon.awssdk.services.sqs.model.QueueAttributeName, String> attributes = bed.sqs.getQueueAttributes(g -> g
                .queueUrl(bed.mailIntakeDlqUrl).attributeNames(
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private Map<String, AttributeValue> review(String mailId) {
        Map<String, AttributeValue> item = bed.dynamo.getItem(g -> g.tableName(bed.table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("REVIEW#" + mailId), "sk", AttributeValue.fromS("REVIEW"))))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private boolean inDeadlineIndex(String id) {
        return bed.dynamo.query(q -> q.tableName(bed.table).indexName("byDeadline")
                        .keyConditionExpression("deadlineShard = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN"))))
                .items().stream().anyMatch(i -> i.get("pk").s().equals("FB#" + id));
    }

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }



    /** An Outlook desktop reply, plain text: the answer on top, then Outlook's header block and the "?" mail. */
    private static byte[] outlookReply(String from, String to, String answer) {
        String raw = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: RE: ? My delivery is late\r\n"
                + "Date: Mon, 23 Nov 2026 19:15:00 +0900\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + answer + "\r\n"
                + "\r\n"
                + quotedQuestion();
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    private static String quotedQuestion() {
        return "________________________________\r\n"
                + "From: Jeff (via Qmark) <qmark@example.com>\r\n"
                + "Sent: Monday, November 23, 2026 7:15 PM\r\n"
                + "To: Dana <dana@example.com>\r\n"
                + "Subject: ? My delivery is late\r\n"
                + "\r\n"
                + "?\r\n"
                + "\r\n"
                + "> I ordered on Monday and the parcel still has not arrived.\r\n"
                + "> 배송이 언제 되나요?\r\n"
                + "\r\n"
                + "From:      Minsu Kim <minsu@example.org>\r\n"
                + "Rating:    2 of 5\r\n"
                + "Just reply to this mail: your answer goes to Jeff and into the customer's record.\r\n";
    }

    /** The same reply as Outlook really sends it: multipart/alternative, encoded by Jakarta Mail. */
    private static byte[] multipartReply(String from, String to, String answer) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject("RE: ? My delivery is late", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(answer + "\r\n\r\n" + quotedQuestion(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<html><body><div>" + answer.replace("\r\n", "<br>") + "</div><hr>"
                + "<div><b>From:</b> Jeff (via Qmark) &lt;qmark@example.com&gt;<br><b>Sent:</b> Monday, November 23, "
                + "2026 7:15 PM<br><b>To:</b> Dana<br><b>Subject:</b> ? My delivery is late</div>"
                + "<p>?</p><blockquote>배송이 언제 되나요?</blockquote></body></html>", "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The reply address with one character of its MAC changed: a guess, not a token we issued. */
    private static String flipLastMacCharacter(String address) {
        int at = address.indexOf('@');
        char last = address.charAt(at - 1);
        char other = last == 'a' ? 'b' : 'a';
        return address.substring(0, at - 1) + other + address.substring(at);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
