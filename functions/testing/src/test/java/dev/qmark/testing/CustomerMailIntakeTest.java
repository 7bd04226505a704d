package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.intake.CustomerMailIntake.Outcome;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.MimeParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer's mail on the in-memory table: new feedback stored, enqueued and acknowledged once, a
 * reply to the acknowledgement joins its thread once (only from that customer), automatic and
 * Qmark's own mail never become feedback, and a sender gets a few acknowledgements an hour at most.
 */
class CustomerMailIntakeTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();
    private final RecordingQueue queue = new RecordingQueue();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final CustomerMailIntake intake = new CustomerMailIntake(RoutingServiceTest.CONFIG, table.feedbackItems(), table.mailThreads(), table.reviewQueue(), queue, mail, Metrics.NONE, clock);

    private static InboundMail mail(String headers, String text) {
        String raw = headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
        return new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundMail from(String address, String subject) {
        return mail("From: Minsu <" + address + ">\r\nTo: feedback@feedback.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.hashCode() + "@customer.example>\r\n", "My parcel is late.");
    }

    private Outcome accept(InboundMail received, String mailId) {
        return intake.accept(received, mailId, "s3://mail/inbound/" + mailId);
    }

    private List<String> timeline(String id) {
        return table.findRecord(id).orElseThrow().timeline().stream().map(TimelineEvent::type).toList();
    }

    @Test
    void aNewMailIsFeedbackStoredEnqueuedAndAcknowledgedOnce() {
        Outcome first = accept(from("minsu@example.com", "Late parcel"), "mail-1");
        Outcome again = accept(from("minsu@example.com", "Late parcel"), "mail-1");
        assertEquals(Outcome.Kind.NEW_FEEDBACK, first.kind());
        assertEquals("stored", first.reason());
        assertEquals(new Outcome(Outcome.Kind.NEW_FEEDBACK, first.feedbackId(), "stored before"), again);
        Feedback stored = table.find(first.feedbackId()).orElseThrow();
        assertEquals(Channel.EMAIL, stored.channel());
        assertEquals("minsu@example.com", stored.customer().email());
        assertEquals("Late parcel", stored.subject());
        assertEquals(1, mail.sent().size(), "acknowledged once");
        assertEquals(List.of("minsu@example.com"), mail.sent().get(0).to());
        // enqueued each time: a redelivery also repairs a crash between storing and enqueueing
        assertEquals(List.of(first.feedbackId(), first.feedbackId()), queue.messages());
        assertEquals(List.of("received", "acknowledged"), timeline(first.feedbackId()));
    }

    @Test
    void aReplyToTheAcknowledgementJoinsItsThreadOnceAndOnlyFromThatCustomer() {
        String id = accept(from("minsu@example.com", "Late parcel"), "mail-1").feedbackId();
        // SES replaces the Message-ID of what it sends with its own id @ its region's domain
        String replyHeaders = "To: feedback@feedback.example.com\r\nSubject: Re: Late parcel\r\n"
                + "In-Reply-To: <in-memory-1@eu-west-1.amazonses.com>\r\n";
        Outcome reply = accept(mail("From: minsu@example.com\r\n" + replyHeaders, "Any news?"), "mail-2");
        Outcome redelivered = accept(mail("From: minsu@example.com\r\n" + replyHeaders, "Any news?"), "mail-2");
        Outcome stranger = accept(mail("From: someone@else.example\r\n" + replyHeaders, "Me too"), "mail-3");
        assertEquals(new Outcome(Outcome.Kind.ADDED_TO_THREAD, id, "added"), reply);
        assertEquals(new Outcome(Outcome.Kind.ADDED_TO_THREAD, id, "added before"), redelivered);
        assertEquals(Outcome.Kind.NEW_FEEDBACK, stranger.kind());
        assertNotEquals(id, stranger.feedbackId());
        assertEquals(1, timeline(id).stream().filter("customer-mail"::equals).count());
    }

    @Test
    void automaticMailIsKeptForReviewOrRecordedOnItsThread() {
        // InboundMailDecision tells robots and Qmark's own mail apart (InboundMailDecisionTest); this is what
        // the intake does with a robot's mail it was handed
        String id = accept(from("minsu@example.com", "Late parcel"), "mail-1").feedbackId();
        Outcome alone = intake.automatic(mail("From: minsu@example.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n",
                "Away"), "mail-2", "s3://mail/inbound/mail-2", "Auto-Submitted: auto-replied");
        Outcome onThread = intake.automatic(mail("From: minsu@example.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n"
                + "In-Reply-To: <in-memory-1>\r\n", "Away"), "mail-3", "s3://mail/inbound/mail-3", "Auto-Submitted: auto-replied");
        assertEquals(Outcome.Kind.KEPT_FOR_REVIEW, alone.kind());
        assertEquals(new Outcome(Outcome.Kind.RECORDED_ON_TIMELINE, id, "Auto-Submitted: auto-replied"), onThread);
        assertEquals(List.of("mail-2"), table.reviewQueue().reviewItems(10, null).items().stream().map(r -> r.mailId()).toList());
        assertEquals(1, mail.sent().size(), "nothing automatic is acknowledged");
    }

    @Test
    void aSenderGetsAFewAcknowledgementsAnHourAtMost() {
        for (int n = 1; n <= CustomerMailIntake.ACKNOWLEDGEMENTS_PER_HOUR + 1; n++) {
            accept(from("minsu@example.com", "Parcel " + n), "mail-" + n);
        }
        assertEquals(CustomerMailIntake.ACKNOWLEDGEMENTS_PER_HOUR, mail.sent().size());
        String last = accept(from("minsu@example.com", "Parcel 4"), "mail-4").feedbackId();
        assertEquals(List.of("received", "not-acknowledged"), timeline(last));
    }
}
