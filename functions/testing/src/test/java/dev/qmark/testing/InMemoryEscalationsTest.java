package dev.qmark.testing;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.MailClaims;
import java.util.UUID;

/**
 * The shared cases against the in-memory escalations, through the table in memory as the DynamoDB
 * run goes through the table: an escalation's writes change its item in the same transaction.
 */
class InMemoryEscalationsTest extends EscalationsContract {

    private final InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();

    @Override
    protected Escalations escalations() {
        return table.escalations();
    }

    @Override
    protected String storedFeedback() {
        Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, T0, FeedbackStatus.RECEIVED, null);
        table.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), new TimelineEvent(T0, "received", "web"));
        return f.id();
    }

    @Override
    protected MailClaims mailClaims() {
        return table.mailClaims();
    }

    @Override
    protected FeedbackRecord record(String feedbackId) {
        return table.findRecord(feedbackId).orElseThrow();
    }
}
