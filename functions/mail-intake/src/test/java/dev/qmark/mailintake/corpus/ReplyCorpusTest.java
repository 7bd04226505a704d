package dev.qmark.mailintake.corpus;

import dev.qmark.mailintake.SesReceipts;
import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.TestBed;
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
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.mailintake.MailIntakeHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Owners' replies to a "?" as the clients they use write them (corpus/replies). For each, Dana
 * (owner alias {@code delivery}) is asked for real about a stored, routed feedback by the core
 * {@link Escalator} through the SES stand-in; the reply address of that "?" goes where the file
 * says {@code {{REPLY_TO}}}; the mail is delivered to that address through
 * {@link MailIntakeHandler}; and the recorded answer must be exactly what Dana wrote, without the
 * quoted "?", attribution lines, header blocks or device signatures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyCorpusTest {

    private static final JsonNode MANIFEST = Corpus.manifest("replies");
    private static final String DANA = "dana@example.com";

    private TestBed bed;
    private MailIntakeHandler handler;
    private QmarkConfig config;
    private Escalator escalator;
    private final ReplyTokens tokens = new ReplyTokens(TestBed.SECRET);

    @BeforeAll
    void bed() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
        config = ConfigLoader.locate(TestBed.ROOT.resolve("config/qmark.yaml").toString());
        escalator = new Escalator(config, bed.repository(), bed.ports().escalations(), bed.ports().mailClaims(), new SesMailSender(AwsClients.ses(), config.inboundDomain()), tokens, bed.ports().sentMailTexts(), null, Metrics.NONE, Clock.systemUTC());
    }

    static Stream<Arguments> replies() {
        return entries().map(e -> Arguments.of(Named.of(e.get("file").asText() + " (" + e.path("client").asText() + ")", e)));
    }

    private static Stream<JsonNode> entries() {
        return StreamSupport.stream(MANIFEST.get("replies").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void theAnswerIsWhatTheOwnerWrote(JsonNode entry) throws Throwable {
        String feedbackId = storeRouted(MANIFEST.get("questions").get(entry.get("question").asText()));
        String replyAddress = askDana(feedbackId);
        byte[] raw = Corpus.fill(Corpus.read("replies/" + entry.get("file").asText()), Map.of("{{REPLY_TO}}", replyAddress));
        assertTrue(!Corpus.contains(raw, "{{"), "every placeholder is filled");
        String expected = entry.get("answer").asText();

        Corpus.check(entry.path("bug").textValue(), () -> {
            String mailId = SesReceipts.newMailId();
            JsonNode result = Corpus.deliver(bed, handler, mailId, raw, replyAddress);
            assertEquals("answered", result.path("outcome").asText(), result.toString());
            assertEquals(feedbackId, result.path("feedbackId").asText());
            Escalation escalation = bed.repository().findRecord(feedbackId).orElseThrow().escalation(1).orElseThrow();
            assertAll(
                    () -> assertEquals(expected, escalation.answer(), "the recorded answer"),
                    () -> assertEquals(EscalationStatus.ANSWERED, escalation.status()),
                    () -> assertEquals(DANA, escalation.answeredBy()),
                    () -> {
                        List<OutboxMail> told = bed.mailTo("jeff@example.com").stream()
                                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).toList();
                        assertEquals(1, told.size(), "the founder is told once");
                        assertTrue(told.get(0).text().replace("\r\n", "\n").contains(expected.lines().findFirst().orElseThrow()),
                                told.get(0).text());
                    });
        });
    }

    @Test
    void theManifestDescribesEveryReplyOfTheCorpus() {
        Set<String> described = new TreeSet<>();
        entries().forEach(e -> assertTrue(described.add(e.get("file").asText()), "described twice: " + e.get("file")));
        assertEquals(new TreeSet<>(Corpus.files("replies")), described);
        assertTrue(described.size() >= 10, "at least 10 replies");
    }

    // ------------------------------------------------------------------------------------------

    /** A web form feedback with the question's words, stored and routed to Dana (late-delivery). */
    private String storeRouted(JsonNode question) {
        Instant now = Instant.now();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB,
                new Customer(question.get("name").asText(), question.get("email").asText()),
                question.get("subject").asText(), question.get("message").asText(), 2, now, FeedbackStatus.RECEIVED, null);
        assertTrue(bed.repository().storeNew(feedback, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                now.plusSeconds(600), new TimelineEvent(now, "received", "received via web")).created());
        assertTrue(bed.repository().recordRoute(feedback.id(), new RouteDecision("late-delivery", "delivery",
                Duration.ofHours(4), now.plus(Duration.ofHours(4)), now), new TimelineEvent(now, "routed", "late-delivery")));
        return feedback.id();
    }

    /** The escalator's own "?" to Dana; its Reply-To address. */
    private String askDana(String feedbackId) {
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(new EscalationRequest(feedbackId, 1, "delivery",
                Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS))));
        OutboxMail question = bed.mailTo(DANA).stream()
                .filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).findFirst().orElseThrow();
        String replyAddress = config.replyAddress(tokens.issue(feedbackId, 1));
        assertEquals(List.of(replyAddress), question.replyTo());
        return replyAddress;
    }
}
