package dev.qmark.mailintake;

import static dev.qmark.mailintake.SesReceipts.sesEvent;
import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.testing.SettableClock;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.mail.ReplyText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Qmark knows what it wrote: the "?" the escalator sends is kept under the item, and an answer
 * that copies it in a way no marker rule knows (no quote marker, a header line in Hungarian) is
 * cut where the copy starts, through the mail-intake handler against DynamoDB Local and the stand-ins.
 */
class WrittenTextHandlerTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    TestBed bed;
    SettableClock clock;
    QmarkConfig config;
    MailIntakeHandler handler;
    String feedbackId;
    String title;

    @BeforeEach
    void bed() {
        bed = TestBed.create();
        clock = new SettableClock(T0);
        config = ConfigLoader.load(TestBed.ROOT.resolve("config/qmark.yaml"));
        handler = new MailIntakeHandler(bed.env(clock));
        title = "My delivery is late " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anUnmarkedCopyOfTheQuestionUnderAnUnknownHeaderIsCutFromTheAnswer() {
        askDana();
        String question = single(bed.mailTo("dana@example.com").stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).toList()).text().replace("\r\n", "\n");
        assertEquals(1, sentTexts().size(), "the \"?\" is kept under the item");

        String body = "A csomag a raktárban maradt, ma kiküldtük.\n\n"
                + "2026. nov. 23., hétfő 10:00 időpontban Qmark <qmark@example.com> ezt írta:\n\n"
                + question;
        // the marker rules alone keep the copy: without the net this test fails
        assertTrue(ReplyText.newText(body).contains("Find out what happened, why"), ReplyText.newText(body));

        clock.set(T0.plus(Duration.ofHours(1)));
        String mailId = UUID.randomUUID().toString().replace("-", "");
        String raw = "From: Dana <dana@example.com>\r\nTo: " + reply() + "\r\nSubject: RE: ? " + title + "\r\n"
                + "Date: Mon, 23 Nov 2026 11:00:00 +0900\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n");
        bed.putMail("inbound/" + mailId, raw.getBytes(StandardCharsets.UTF_8));

        JsonNode result = Invoke.handler(handler, sesEvent(mailId, reply()).toString()).get(0);

        assertEquals("answered", result.get("outcome").asText(), result.toString());
        assertEquals("A csomag a raktárban maradt, ma kiküldtük.",
                bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow().answer());
    }

    private void askDana() {
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                title, "I ordered on Monday and the parcel still has not arrived.\nWhen will it come?", 2, T0,
                FeedbackStatus.RECEIVED, null);
        feedbackId = feedback.id();
        bed.repository().storeNew(feedback, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                new TimelineEvent(T0, "received", "web"));
        bed.repository().recordRoute(feedbackId, new RouteDecision("late-delivery", "delivery", Duration.ofHours(4),
                T0.plus(Duration.ofHours(4)), T0), new TimelineEvent(T0, "routed", "late-delivery"));
        Escalator escalator = new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain(), clock), new ReplyTokens(TestBed.SECRET), bed.ports().sentMailTexts(), null, Metrics.NONE, clock);
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(new EscalationRequest(feedbackId, 1, "delivery",
                T0.plus(Duration.ofHours(4)))));
    }

    private List<Map<String, AttributeValue>> sentTexts() {
        return bed.dynamo.query(q -> q.tableName(bed.table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sent)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FB#" + feedbackId),
                        ":sent", AttributeValue.fromS("SENT#001#question")))).items();
    }

    private String reply() {
        return config.replyAddress(new ReplyTokens(TestBed.SECRET).issue(feedbackId, 1));
    }

    private static OutboxMail single(List<OutboxMail> mails) {
        assertEquals(1, mails.size(), mails.toString());
        return mails.get(0);
    }

}
