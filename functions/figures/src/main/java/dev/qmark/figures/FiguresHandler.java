package dev.qmark.figures;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.dynamodb.PrimingStream;
import dev.qmark.aws.dynamodb.PrimingWrites;
import dev.qmark.aws.dynamodb.TableChange;
import dev.qmark.aws.lambda.DynamoDbStreamEvent;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.FactsOfChange;
import dev.qmark.core.figures.TopicTagger;
import dev.qmark.core.reports.FiguresKeeper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's stream, in order per item: keeps the daily figures ({@link FiguresKeeper}). A record
 * that fails is reported with its sequence number (ReportBatchItemFailures), so Lambda retries
 * from it; everything before it is counted once whatever happens next.
 */
public final class FiguresHandler extends JsonStreamHandler<DynamoDbStreamEvent, SqsBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresHandler.class);

    private final FiguresKeeper keeper;
    private final FactsOfChange facts;
    private final QmarkConfig config;
    private final DynamoFeedbackRepository repository;
    private final String table;
    private final ItemsOfBatch items;

    public FiguresHandler() {
        this(FunctionEnvironment.system());
    }

    public FiguresHandler(FunctionEnvironment env) {
        super(DynamoDbStreamEvent.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        TopicTagger topics = new TopicTagger(ReportsConfigReader.locate(env.require("QMARK_CONFIG")).topics());
        this.config = config;
        this.table = env.require("TABLE_NAME");
        this.repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), table);
        this.facts = new FactsOfChange(config, topics);
        // each item read once a batch, eventually consistently (what the figures take from it is fixed once routed)
        this.items = new ItemsOfBatch(repository::findRouted);
        this.keeper = new FiguresKeeper(facts, new DynamoDailyFigures(AwsClients.dynamoDb(), table), items);
    }

    /**
     * The batch's changes are collected in order and counted together ({@link FiguresKeeper#countAll}:
     * one write per cell for the lot); a letter's rating, which replaces an earlier one, is counted on
     * its own once the changes before it are. When a record fails, what came before it is counted
     * first, and Lambda retries from the failed record (or from the first of a lot that could not be
     * counted): nothing before it is left uncounted, nothing after it counted early.
     */
    @Override
    protected SqsBatchResponse handle(DynamoDbStreamEvent event, Context context) {
        items.newBatch();
        List<String> pending = new ArrayList<>();       // sequence numbers of the changes collected
        List<List<Fact>> changes = new ArrayList<>();   // their facts, in the same order
        for (DynamoDbStreamEvent.StreamRecord record : event.records()) {
            if (PrimingStream.isPrimingRecord(DynamoDbStreamEvent.item(record.dynamodb().keys()))) {
                continue; // SnapStart priming's own record (never written): no figure counts it
            }
            String sequence = record.dynamodb().sequenceNumber();
            try {
                switch (TableChange.of(record.dynamodb().oldItem(), record.dynamodb().newItem())) {
                    case TableChange.OfItem c -> collect(pending, changes, sequence, keeper.factsOfItem(c.before(), c.after()));
                    case TableChange.OfEscalation c ->
                            collect(pending, changes, sequence, keeper.factsOfEscalation(c.feedbackId(), c.before(), c.after()));
                    case TableChange.OfRating c -> {
                        String failed = countCollected(pending, changes);
                        if (failed != null) {
                            return retryFrom(failed);
                        }
                        keeper.ratingChanged(c.feedbackId(), c.letterKey(), c.before(), c.after());
                    }
                    case TableChange.Other ignored -> {
                        // the figures' own items, timeline events, claims: nothing to count
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("counting stream record {} failed; retried from it", record.eventID(), e);
                String failed = countCollected(pending, changes);
                return retryFrom(failed != null ? failed : sequence);
            }
        }
        String failed = countCollected(pending, changes);
        return failed == null ? new SqsBatchResponse(List.of()) : retryFrom(failed);
    }

    private static void collect(List<String> pending, List<List<Fact>> changes, String sequence, List<Fact> facts) {
        if (!facts.isEmpty()) {
            pending.add(sequence);
            changes.add(facts);
        }
    }

    /** Counts the changes collected; null when done, else the sequence number to retry from (the first of them). */
    private String countCollected(List<String> pending, List<List<Fact>> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        try {
            keeper.countAll(changes);
            return null;
        } catch (RuntimeException e) {
            LOG.warn("counting {} stream records failed; retried from the first of them", changes.size(), e);
            return pending.get(0);
        } finally {
            pending.clear();
            changes.clear();
        }
    }

    private static SqsBatchResponse retryFrom(String sequence) {
        return new SqsBatchResponse(List.of(new SqsBatchResponse.ItemFailure(sequence)));
    }

    /**
     * SnapStart priming: the stream event of the priming record routed, read and sorted the whole way
     * and counted nowhere (the handler skips the priming record); the facts such a change makes,
     * computed and not counted; the item's read as counting reads it (nothing found); the figures' writes refused by their
     * conditions. No figure, no item, no fact changes.
     */
    @Override
    protected void prime() {
        Feedback routed = Priming.sampleRouted(config);
        handleForPriming(PrimingStream.itemRouted(routed));
        facts.ofItem(null, routed);
        repository.findRouted(routed.id());
        PrimingWrites.run(AwsClients.dynamoDb(), table);
    }
}
