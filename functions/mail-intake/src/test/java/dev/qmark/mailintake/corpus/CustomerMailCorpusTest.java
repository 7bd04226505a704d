package dev.qmark.mailintake.corpus;

import dev.qmark.mailintake.SesReceipts;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.MimeParser;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.mailintake.MailIntakeHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Customers' mails as the clients they use really write them (corpus/customer, described in its
 * README.md), each delivered through {@link MailIntakeHandler} on the embedded AWS the way SES
 * receiving hands it over, and held against corpus/customer/expected.json: what became of it, the
 * stored feedback to the character (names, subject, text and attachments in their own script),
 * that it was routed and acknowledged exactly once, and that no robot ever got an answer.
 *
 * <p>One test bed for the whole corpus, as one mailbox receives them all; every sender is a
 * different address, so acknowledgement limits per sender do not interfere. The SES outbox is
 * shared by the JVM: acknowledgements are found by their X-Qmark-Feedback header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMailCorpusTest {

    private static final JsonNode MANIFEST = Corpus.manifest("customer");

    private TestBed bed;
    private MailIntakeHandler handler;
    private final MimeParser parser = new MimeParser();
    /** What each file became, for the later mails of a thread. */
    private final Map<String, String> feedbackIdOf = new HashMap<>();

    @BeforeAll
    void bed() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
    }

    static Stream<Arguments> mails() {
        return entries().map(e -> Arguments.of(Named.of(e.get("file").asText() + " (" + e.path("client").asText() + ")", e)));
    }

    private static Stream<JsonNode> entries() {
        return StreamSupport.stream(MANIFEST.get("mails").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void eachMailBecomesWhatTheManifestSays(JsonNode entry) throws Throwable {
        Corpus.check(entry.path("bug").textValue(), () -> deliverAndCheck(entry));
    }

    @Test
    void theManifestDescribesEveryMailOfTheCorpus() {
        Set<String> described = new TreeSet<>();
        entries().forEach(e -> assertTrue(described.add(e.get("file").asText()), "described twice: " + e.get("file")));
        assertEquals(new TreeSet<>(Corpus.files("customer")), described);
        long firstMails = entries().filter(e -> e.get("outcome").asText().equals("new_feedback")).count();
        assertTrue(firstMails >= 20, "at least 20 customers' first mails, not " + firstMails);
    }

    // ------------------------------------------------------------------------------------------

    private void deliverAndCheck(JsonNode entry) throws Throwable {
        String file = entry.get("file").asText();
        Map<String, String> values = new LinkedHashMap<>();
        String earlierId = null;
        if (entry.has("after")) {
            earlierId = feedbackIdOf(entry.get("after").asText());
            List<OutboxMail> acks = acknowledgements(earlierId);
            assertEquals(1, acks.size(), "the earlier mail's acknowledgement");
            values.put("{{FEEDBACK_ID}}", earlierId);
            // what a client replies to: SES gives the mail it sends the Message-ID <its id@region.amazonses.com>
            values.put("{{ACK_MESSAGE_ID}}", acks.get(0).messageId() + "@eu-west-1.amazonses.com");
        }
        byte[] raw = Corpus.fill(Corpus.read("customer/" + file), values);
        assertTrue(!Corpus.contains(raw, "{{"), "every placeholder of " + file + " is filled");
        InboundMail sent = parser.parse(raw);
        String robot = entry.path("robot").textValue();
        int toRobotBefore = robot == null ? 0 : bed.mailTo(robot).size();
        String recipient = entry.path("recipient").asText(Corpus.FEEDBACK_ADDRESS);
        Corpus.drainQueuedFeedbackIds(bed); // what earlier cases left

        String mailId = SesReceipts.newMailId();
        JsonNode result = Corpus.deliver(bed, handler, mailId, raw, recipient);
        String feedbackId = result.path("feedbackId").textValue();
        if (feedbackId != null) {
            feedbackIdOf.put(file, feedbackId);
        }
        String outcome = entry.get("outcome").asText();
        assertEquals(outcome, result.path("outcome").asText(), "outcome of " + file + ": " + result);
        List<String> queued = Corpus.drainQueuedFeedbackIds(bed);
        switch (outcome) {
            case "new_feedback" -> checkNewFeedback(entry, feedbackId, sent, queued);
            case "added_to_thread" -> checkThread(entry, feedbackId, earlierId, "customer-mail", queued);
            case "recorded_on_timeline" -> checkThread(entry, feedbackId, earlierId, "automatic-mail", queued);
            case "kept_for_review" -> checkKept(entry, mailId, result, sent, queued, robot, toRobotBefore);
            default -> throw new IllegalArgumentException("unknown outcome in expected.json: " + outcome);
        }
    }

    private void checkNewFeedback(JsonNode entry, String id, InboundMail sent, List<String> queued) {
        assertNotNull(id, "a feedback id");
        Feedback feedback = bed.repository().find(id).orElseThrow(() -> new AssertionError("feedback " + id + " is stored"));
        JsonNode customer = entry.get("customer");
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(Channel.EMAIL, feedback.channel()));
        checks.add(() -> assertEquals(customer.get("name").textValue(), feedback.customer().name(), "customer name"));
        checks.add(() -> assertEquals(customer.get("email").asText(), feedback.customer().email(), "customer address"));
        checks.add(() -> assertEquals(entry.get("subject").textValue(), feedback.subject(), "subject"));
        for (JsonNode excerpt : entry.get("excerpts")) {
            checks.add(() -> assertTrue(feedback.message().contains(excerpt.asText()),
                    "the message contains \"" + excerpt.asText() + "\"; it is:\n" + feedback.message()));
        }
        checks.add(() -> assertNull(Corpus.mojibake(feedback.customer().name()), "name without mojibake"));
        checks.add(() -> assertNull(Corpus.mojibake(feedback.subject()), "subject without mojibake"));
        checks.add(() -> assertNull(Corpus.mojibake(feedback.message()), "message without mojibake"));
        checks.add(() -> assertEquals(attachments(entry), feedback.attachments(), "attachments"));
        checks.add(() -> assertEquals(List.of(id), queued, "enqueued for routing once"));
        checks.add(() -> {
            List<OutboxMail> acks = acknowledgements(id);
            assertEquals(1, acks.size(), "one acknowledgement");
            OutboxMail ack = acks.get(0);
            assertEquals(List.of(customer.get("email").asText()), ack.to());
            assertTrue(ack.subject().endsWith("[Q-" + id + "]"), ack.subject());
            assertEquals("auto-replied", ack.header("Auto-Submitted"));
            if (sent.messageId() != null) {
                assertTrue(String.valueOf(ack.header("In-Reply-To")).contains(sent.messageId()),
                        "the acknowledgement threads under the customer's mail: " + ack.header("In-Reply-To"));
            }
        });
        assertAll(entry.get("file").asText(), checks.stream());
    }

    private void checkThread(JsonNode entry, String id, String earlierId, String eventType, List<String> queued) {
        FeedbackRecord record = bed.repository().findRecord(earlierId).orElseThrow();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(earlierId, id, "the same item as " + entry.get("after").asText()));
        checks.add(() -> assertEquals(List.of(), queued, "not routed again"));
        checks.add(() -> assertEquals(1, acknowledgements(earlierId).size(), "no second acknowledgement"));
        List<String> details = record.timeline().stream().filter(e -> e.type().equals(eventType))
                .map(TimelineEvent::detail).toList();
        checks.add(() -> assertEquals(1, details.size(), eventType + " on the timeline: " + record.timeline()));
        for (JsonNode excerpt : entry.path("excerpts")) {
            checks.add(() -> assertTrue(details.stream().anyMatch(d -> d.contains(excerpt.asText())), details.toString()));
        }
        if (entry.has("reason")) {
            checks.add(() -> assertTrue(details.stream().anyMatch(d -> d.contains(entry.get("reason").asText())),
                    details.toString()));
        }
        assertAll(entry.get("file").asText(), checks.stream());
    }

    private void checkKept(JsonNode entry, String mailId, JsonNode result, InboundMail sent, List<String> queued,
                           String robot, int toRobotBefore) {
        Map<String, AttributeValue> review = Corpus.review(bed, mailId);
        String reason = entry.get("reason").asText();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(result.path("reason").asText().contains(reason), result.toString()));
        checks.add(() -> assertNotNull(review, "kept for review"));
        checks.add(() -> assertTrue(review.get("reason").s().contains(reason), review.toString()));
        checks.add(() -> assertNull(result.path("feedbackId").textValue(), "no feedback"));
        checks.add(() -> assertEquals(List.of(), queued, "nothing routed"));
        if (robot != null) {
            checks.add(() -> assertEquals(toRobotBefore, bed.mailTo(robot).size(), "nothing sent to " + robot));
        }
        if (sent.messageId() != null) {
            checks.add(() -> assertTrue(bed.outbox().stream().noneMatch(m -> String.valueOf(m.header("In-Reply-To"))
                    .contains(sent.messageId())), "nothing answers this mail"));
        }
        assertAll(entry.get("file").asText(), checks.stream());
    }

    /** The item an earlier file became: delivered now when its own case has not run (yet). */
    private String feedbackIdOf(String file) throws Throwable {
        if (!feedbackIdOf.containsKey(file)) {
            JsonNode earlier = entries().filter(e -> e.get("file").asText().equals(file)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("\"after\" names no mail of the manifest: " + file));
            deliverAndCheck(earlier);
        }
        return feedbackIdOf.get(file);
    }

    private List<OutboxMail> acknowledgements(String feedbackId) {
        return bed.outbox().stream().filter(m -> feedbackId.equals(m.header("X-Qmark-Feedback"))).toList();
    }

    private static List<Feedback.Attachment> attachments(JsonNode entry) {
        List<Feedback.Attachment> attachments = new ArrayList<>();
        for (JsonNode a : entry.path("attachments")) {
            attachments.add(new Feedback.Attachment(a.get("name").textValue(), a.get("type").asText(), a.get("size").asLong()));
        }
        return attachments;
    }
}
