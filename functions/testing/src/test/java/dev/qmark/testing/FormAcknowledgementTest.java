package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.FormAcknowledger;
import dev.qmark.core.intake.Submission;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web-form customers are acknowledged like mail customers, under guard: the form marks a new
 * item within the address's and the client's hourly limits, the router's acknowledger sends the
 * mail once, in the form's language, with the name as the only text the customer chose.
 */
class FormAcknowledgementTest {

    private static final FeedbackIntake.Client OFFICE = new FeedbackIntake.Client("203.0.113.7", "en");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final InMemoryFormAcknowledgements acknowledgements = new InMemoryFormAcknowledgements();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final FeedbackIntake intake = new FeedbackIntake(repository, new RecordingQueue(), acknowledgements, Metrics.NONE, clock);
    private final FormAcknowledger acknowledger = new FormAcknowledger(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.mailClaims(), mail, clock);

    private String submit(String name, String email, String message, FeedbackIntake.Client client) {
        return intake.submit(new Submission(name, email, "Visit https://spam.example/win", message, 2, null), Channel.WEB,
                client).feedbackId();
    }

    @Test
    void aFormCustomerGetsOnePersonalAcknowledgementWithTheReference() {
        String id = submit("Minsu Kim", "minsu@example.com", "The parcel is late", OFFICE);
        assertTrue(acknowledger.acknowledge(id));
        assertTrue(acknowledger.acknowledge(id), "a redelivered queue message finds it sent");

        assertEquals(1, mail.sent().size(), "sent once");
        OutgoingMail ack = mail.sent().get(0);
        assertEquals(List.of("minsu@example.com"), ack.to());
        assertEquals("We received your message [Q-" + id + "]", ack.subject(), "never the subject they typed");
        assertTrue(ack.text().startsWith("Hello Minsu Kim,\n"), ack.text());
        assertTrue(ack.text().contains("Reference: [Q-" + id + "]"));
        assertEquals("auto-replied", ack.headers().get("Auto-Submitted"));
    }

    @Test
    void theFormsLanguageIsTheAcknowledgements() {
        String id = submit("Minsu", "minsu@example.com", "Where is my parcel?",
                new FeedbackIntake.Client("203.0.113.7", "ko"));
        acknowledger.acknowledge(id);
        OutgoingMail ack = mail.sent().get(0);
        assertTrue(ack.text().startsWith("Minsu님, 안녕하세요."), ack.text());
        assertTrue(ack.text().contains("참조 번호: [Q-" + id + "]"));
    }

    @Test
    void linksInTheNameNeverReachTheMail() {
        String id = submit("Win $$$ at https://spam.example/x www.spam.example spam.example/now now@spam.example Bob",
                "victim@example.org", "hi", OFFICE);
        acknowledger.acknowledge(id);
        String text = mail.sent().get(0).text();
        assertFalse(text.contains("spam.example"), text);
        assertFalse(text.contains("http"), text);
        assertTrue(text.startsWith("Hello Win $$$ at Bob,"), text);
    }

    @Test
    void aLongNameIsShortened() {
        String id = submit("A".repeat(200), "minsu@example.com", "hi", OFFICE);
        acknowledger.acknowledge(id);
        assertTrue(mail.sent().get(0).text().startsWith("Hello " + "A".repeat(40) + ",\n"));
    }

    @Test
    void oneAddressGetsAFewAnHourThenNone() {
        for (int i = 0; i < 5; i++) {
            acknowledger.acknowledge(submit("Minsu", "minsu@example.com", "message " + i,
                    new FeedbackIntake.Client("198.51.100." + i, "en")));
        }
        assertEquals(FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perAddress(), mail.sent().size());
        clock.advance(Duration.ofHours(1));
        acknowledger.acknowledge(submit("Minsu", "minsu@example.com", "next hour", OFFICE));
        assertEquals(FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perAddress() + 1, mail.sent().size());
    }

    @Test
    void oneClientGetsAFewAnHourThenNoneAndTheItemsAreStillStored() {
        int limit = FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perClient();
        String last = null;
        for (int i = 0; i < limit + 3; i++) {
            last = submit("Someone", "stranger" + i + "@example.org", "message " + i, OFFICE);
            acknowledger.acknowledge(last);
        }
        assertEquals(limit, mail.sent().size());
        assertTrue(repository.find(last).isPresent(), "over the limit is stored all the same");
        assertEquals(1, repository.findRecord(last).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("not-acknowledged")).count());
        assertFalse(repository.findRecord(last).orElseThrow().timeline().stream()
                .anyMatch(e -> e.detail().contains("203.0.113.7")), "no IP address on record");
    }

    @Test
    void aDuplicateSubmissionIsNotAcknowledgedAgain() {
        String first = submit("Minsu", "minsu@example.com", "same", OFFICE);
        String again = submit("Minsu", "minsu@example.com", "same", OFFICE);
        assertEquals(first, again);
        acknowledger.acknowledge(first);
        assertEquals(1, mail.sent().size());
    }

    @Test
    void aDoubleClickCountsOnceAgainstTheHoursLimit() {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        // the second post took the counters for a new id while it claimed the key, then found it a duplicate
        submit("Minsu", "minsu@example.com", "clicked twice", OFFICE);
        submit("Minsu", "minsu@example.com", "clicked twice", OFFICE);
        assertEquals(1, acknowledgements.takenBy("minsu@example.com", hour), "the duplicate gave its one back");
    }

    @Test
    void aPostRetriedAfterACrashBeforeItsItemIsOneItemAcknowledgedOnceAndCountedOnce() {
        Submission post = new Submission("Minsu", "minsu@example.com", null, "The parcel is late", 2, "k-crash");
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        // the first attempt claimed the key and took the counters for its id, then died before the put
        String id = repository.claimSubmission(post.dedupeKey(), FeedbackIds.newId(), post.contentFingerprint(),
                clock.instant().plus(FeedbackIntake.IDEMPOTENCY_KEY_WINDOW), clock.instant()).feedbackId();
        assertTrue(acknowledgements.take(id, "minsu@example.com", "ip#crashed", hour, FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS));

        FeedbackIntake.Receipt retry = intake.submit(post, Channel.WEB, OFFICE);
        assertEquals(id, retry.feedbackId(), "the item the key names");
        assertFalse(retry.duplicate(), "stored now");
        assertEquals(1, acknowledgements.takenBy("minsu@example.com", hour), "its acknowledgement counted once");
        assertTrue(intake.submit(post, Channel.WEB, OFFICE).duplicate());
        assertEquals(1, acknowledgements.takenBy("minsu@example.com", hour));
        assertTrue(acknowledger.acknowledge(id));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void aRefusedClientGivesBackNothingItDidNotTakeAndAnAddressRefusalGivesTheClientsBack() {
        int perAddress = FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perAddress();
        for (int i = 0; i <= perAddress; i++) {
            submit("Minsu", "minsu@example.com", "message " + i, OFFICE);
        }
        // the office's client counter holds only the acknowledged ones: the refused post's was given back
        int perClient = FeedbackIntake.FORM_ACKNOWLEDGEMENT_LIMITS.perClient();
        for (int i = 0; i < perClient - perAddress; i++) {
            acknowledger.acknowledge(submit("Someone", "other" + i + "@example.org", "hello " + i, OFFICE));
        }
        assertEquals(perClient - perAddress, mail.sent().size(), "all of the client's remaining ones");
    }

    @Test
    void withoutAClientNothingIsAcknowledged() {
        String id = submit("Minsu", "minsu@example.com", "from an API client that says nothing", null);
        assertFalse(acknowledger.acknowledge(id));
        assertEquals(0, mail.sent().size());
    }
}
