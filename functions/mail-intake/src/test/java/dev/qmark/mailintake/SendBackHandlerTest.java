package dev.qmark.mailintake;

import static dev.qmark.mailintake.SesReceipts.newMailId;
import static dev.qmark.mailintake.SesReceipts.sesEvent;
import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
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
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.emulators.OutboxMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The founder sends an answer back ("?" in reply to the "Answered" mail), through the mail-intake
 * handler on SES events, against DynamoDB Local and the S3/SES stand-ins: Dana is asked again as
 * step 2 with a fresh deadline and Jeff's note on top, once, and only when SES's verdicts pass.
 */
class SendBackHandlerTest {

    /** Monday 23 November 2026, 10:00 in Seoul: a working day, inside office hours. */
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    static final QmarkConfig CONFIG = ConfigLoader.load(TestBed.ROOT.resolve("config/qmark.yaml"));

    TestBed bed;
    SettableClock clock;
    MailIntakeHandler handler;
    String feedbackId;
    String title;

    @BeforeEach
    void bed() {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        handler = new MailIntakeHandler(bed.env(clock));
        title = "My delivery is late " + UUID.randomUUID().toString().substring(0, 8);
        askAndAnswer();
    }

    @Test
    void theFoundersQuestionMarkAsksDanaAgainOnce() {
        OutboxMail answered = single(mails("jeff@example.com", "Answered: "));
        assertEquals(List.of(reply(1)), answered.replyTo(), "the Answered mail replies to the answered escalation");

        clock.set(T0.plus(Duration.ofHours(2)));
        String mailId = newMailId();
        deliver(mailId, "Jeff <jeff@example.com>", reply(1),
                "?\r\nWhy did the depot hold it for three days? What stops that next time?", "Answered: ");

        JsonNode result = invoke(sesEvent(mailId, reply(1))).get(0);
        assertEquals("sent_back", result.get("outcome").asText(), result.toString());
        assertEquals("already_sent_back", invoke(sesEvent(mailId, reply(1))).get(0).get("outcome").asText());

        List<OutboxMail> asked = mails("dana@example.com", "? ");
        assertEquals(2, asked.size(), "the first \"?\" and the one asking again, nothing twice");
        String text = asked.get(1).text().replace("\r\n", "\n");
        assertTrue(text.startsWith("?\n\nNot good enough yet: what happened, why, what changes?\n"
                + "Jeff sent your answer back with a note:\n> Why did the depot hold it for three days?"), text);
        assertEquals(List.of(reply(2)), asked.get(1).replyTo());

        FeedbackRecord record = record();
        assertEquals(EscalationStatus.ANSWERED, record.escalation(1).orElseThrow().status());
        Escalation again = record.escalation(2).orElseThrow();
        assertEquals(EscalationStatus.OPEN, again.status());
        assertEquals("delivery", again.owner());
        assertTrue(again.dueAt().isAfter(record.escalation(1).orElseThrow().dueAt()), "a fresh deadline");
        assertEquals(FeedbackStatus.ASKED, record.feedback().status());
        assertEquals(1, record.timeline().stream().filter(e -> e.type().equals("sent-back")).count());
    }

    @Test
    void anUnauthenticatedQuestionMarkIsKeptAndChangesNothing() {
        String mailId = newMailId();
        deliver(mailId, "Jeff <jeff@example.com>", reply(1), "?", "Answered: ");
        ObjectNode event = sesEvent(mailId, reply(1));
        ((ObjectNode) event.at("/Records/0/ses/receipt/spfVerdict")).put("status", "FAIL");
        ((ObjectNode) event.at("/Records/0/ses/receipt/dkimVerdict")).put("status", "FAIL");

        JsonNode result = invoke(event).get(0);

        assertEquals("kept_for_review", result.get("outcome").asText());
        assertTrue(result.get("reason").asText().contains("SPF"), result.toString());
        assertEquals(1, record().escalations().size());
        assertEquals(FeedbackStatus.ANSWERED, record().feedback().status());
        assertEquals(1, mails("dana@example.com", "? ").size());
    }

    /** Dana is asked (step 1, due T0 + 4h) by the escalator's own code and answers through the handler. */
    private void askAndAnswer() {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                title, "I ordered on Monday and the parcel still has not arrived.", 2, T0, FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        bed.repository().recordRoute(feedbackId, new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                T0.plus(Duration.ofHours(4)), T0), new TimelineEvent(T0, "routed", "late-delivery"));
        Escalator escalator = new Escalator(CONFIG, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), CONFIG.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock);
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(new EscalationRequest(feedbackId, 1, "delivery",
                T0.plus(Duration.ofHours(4)))));
        clock.set(T0.plus(Duration.ofHours(1)));
        String answer = newMailId();
        deliver(answer, "Dana <dana@example.com>", reply(1), "The courier has it; it arrives tomorrow.", "? ");
        assertEquals("answered", invoke(sesEvent(answer, reply(1))).get(0).get("outcome").asText());
    }

    private String reply(int step) {
        return CONFIG.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, step));
    }

    private FeedbackRecord record() {
        return bed.repository().findRecord(feedbackId).orElseThrow();
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

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    /** A reply from a desktop client: the new text on top, then the quoted mail it answers. */
    private void deliver(String mailId, String from, String to, String top, String subjectPrefix) {
        String raw = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Re: " + subjectPrefix + title + "\r\n"
                + "Date: Mon, 23 Nov 2026 11:00:00 +0900\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + top + "\r\n"
                + "\r\n"
                + "On Mon, 23 Nov 2026 at 10:00, Qmark <qmark@example.com> wrote:\r\n"
                + "> I ordered on Monday and the parcel still has not arrived.\r\n";
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));
    }

}
