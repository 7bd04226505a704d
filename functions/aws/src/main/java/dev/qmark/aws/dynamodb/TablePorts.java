package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FormAcknowledgements;
import dev.qmark.core.ports.Suppressions;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailThreads;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.ports.SweepList;
import dev.qmark.core.ports.UnfinishedFeedback;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every port on Qmark's one table, built once (a handler's constructor, the local system) over one
 * {@link TableWrites}, so that the services can each take the narrow ports they use while the
 * wiring still passes one object around. It holds no logic of its own.
 */
public final class TablePorts {

    private final DynamoFeedbackRepository feedbackItems;
    private final DynamoEscalations escalations;
    private final DynamoSweepList sweepList;
    private final DynamoMailClaims mailClaims;
    private final DynamoReviewQueue reviewQueue;
    private final DynamoMailThreads mailThreads;
    private final DynamoSentMailTexts sentMailTexts;
    private final DynamoUnfinishedFeedback unfinishedFeedback;
    private final DynamoCustomerLetters customerLetters;
    private final DynamoSuppressions suppressions;
    private final DynamoFormAcknowledgements formAcknowledgements;

    public TablePorts(DynamoDbClient dynamo, String table) {
        TableWrites writes = new TableWrites(dynamo, table);
        this.feedbackItems = new DynamoFeedbackRepository(writes);
        // an answer stops every clock it finds on the item's record, read consistently
        this.escalations = new DynamoEscalations(writes, feedbackItems::findRecord);
        this.sweepList = new DynamoSweepList(writes);
        this.mailClaims = new DynamoMailClaims(writes);
        this.reviewQueue = new DynamoReviewQueue(writes);
        this.mailThreads = new DynamoMailThreads(writes);
        this.sentMailTexts = new DynamoSentMailTexts(writes);
        this.unfinishedFeedback = new DynamoUnfinishedFeedback(dynamo, table);
        this.customerLetters = new DynamoCustomerLetters(dynamo, table);
        this.suppressions = new DynamoSuppressions(dynamo, table);
        this.formAcknowledgements = new DynamoFormAcknowledgements(dynamo, table);
    }

    public FeedbackRepository feedbackItems() {
        return feedbackItems;
    }

    public Escalations escalations() {
        return escalations;
    }

    public SweepList sweepList() {
        return sweepList;
    }

    public MailClaims mailClaims() {
        return mailClaims;
    }

    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    public MailThreads mailThreads() {
        return mailThreads;
    }

    public SentMailTexts sentMailTexts() {
        return sentMailTexts;
    }

    public UnfinishedFeedback unfinishedFeedback() {
        return unfinishedFeedback;
    }

    public CustomerLetters customerLetters() {
        return customerLetters;
    }


    public Suppressions suppressions() {
        return suppressions;
    }

    public FormAcknowledgements formAcknowledgements() {
        return formAcknowledgements;
    }
}
