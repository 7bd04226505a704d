package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.testing.EscalationsContract;
import java.util.UUID;

/** The shared cases against the table (through the repository, which wires DynamoEscalations). */
class DynamoEscalationsContractTest extends EscalationsContract {

    // one table for the class: every case stores a feedback item of its own
    private static final TestBed BED = TestBed.create();
    private final DynamoFeedbackRepository repository = BED.repository();

    @Override
    protected Escalations escalations() {
        return BED.ports().escalations();
    }

    @Override
    protected String storedFeedback() {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, T0, FeedbackStatus.RECEIVED, null);
        repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), new TimelineEvent(T0, "received", "web"));
        return f.id();
    }

    @Override
    protected MailClaims mailClaims() {
        return BED.ports().mailClaims();
    }

    @Override
    protected FeedbackRecord record(String feedbackId) {
        return repository.findRecord(feedbackId).orElseThrow();
    }
}
