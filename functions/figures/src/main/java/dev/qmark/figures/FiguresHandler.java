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
import dev.qmark.aws.lambda.StreamBatchResponse;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.FactsOfChange;
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.figures.TopicTagger;
import dev.qmark.core.reports.FiguresKeeper;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's stream, in order per shard: keeps the daily figures ({@link FiguresKeeper}). A record
 * that fails is reported with its sequence number (ReportBatchItemFailures), so Lambda retries
 * from it; everything before it is counted once whatever happens next.
 *
 * <p>The mapping has a tumbling window only so that Lambda names the shard in the event: with it,
 * each cell remembers the last record it counted from that shard and a retried batch counts nothing
 * twice without a marker per change. The window's state is not used: the answer hands back what came.
 * An event naming no shard (a mapping without the window) is counted the older way, a marker per
 * change in a transaction with its cells, so nothing is ever counted twice either way.
 */
public final class FiguresHandler extends JsonStreamHandler<DynamoDbStreamEvent, StreamBatchResponse> {

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
        this.items = new ItemsOfBatch(repository::findRouted, repository::findStored);
        this.keeper = new FiguresKeeper(facts, new DynamoDailyFigures(AwsClients.dynamoDb(), table), items,
                items.routeKnown());
    }

    /**
     * The batch's changes are collected in order and counted together ({@link FiguresKeeper#countAll}:
     * one write per cell for the lot); a letter's rating, which replaces an earlier one, is counted on
     * its own once the changes before it are. When a record fails, what came before it is counted
     * first, and Lambda retries from the failed record (or from the first of a lot that could not be
     * counted): nothing before it is left uncounted, nothing after it counted early.
     */
    @Override
    protected StreamBatchResponse handle(DynamoDbStreamEvent event, Context context) {
        String failed = countBatch(event.shardId(), event.records());
        JsonNode state = !event.inWindow() ? null : event.state() != null && event.state().isObject()
                ? event.state() : Json.MAPPER.createObjectNode();
        return new StreamBatchResponse(state, failed == null ? List.of() : List.of(new SqsBatchResponse.ItemFailure(failed)));
    }

    /** Counts the records; null when all are counted, else the sequence number Lambda retries from. */
    private String countBatch(String shard, List<DynamoDbStreamEvent.StreamRecord> records) {
        items.newBatch();
        List<StreamChange> changes = new ArrayList<>();   // the changes collected, in order
        for (DynamoDbStreamEvent.StreamRecord record : records) {
            if (PrimingStream.isPrimingRecord(DynamoDbStreamEvent.item(record.dynamodb().keys()))) {
                continue; // SnapStart priming's own record (never written): no figure counts it
            }
            String sequence = record.dynamodb().sequenceNumber();
            try {
                switch (TableChange.of(record.dynamodb().oldItem(), record.dynamodb().newItem())) {
                    case TableChange.OfItem c -> collect(changes, sequence, keeper.factsOfItem(c.before(), c.after()));
                    case TableChange.OfEscalation c ->
                            collect(changes, sequence, keeper.factsOfEscalation(c.feedbackId(), c.before(), c.after(),
                                    c.askedUnderRoute()));
                    case TableChange.OfRating c -> {
                        String failed = countCollected(shard, changes);
                        if (failed != null) {
                            return failed;
                        }
                        keeper.ratingChanged(c.feedbackId(), c.letterKey(), c.before(), c.after());
                    }
                    case TableChange.Other ignored -> {
                        // the figures' own items, timeline events, claims: nothing to count
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("counting stream record {} failed; retried from it", record.eventID(), e);
                String failed = countCollected(shard, changes);
                return failed != null ? failed : sequence;
            }
        }
        return countCollected(shard, changes);
    }

    private static void collect(List<StreamChange> changes, String sequence, List<Fact> facts) {
        if (!facts.isEmpty()) {
            changes.add(new StreamChange(sequence, facts));
        }
    }

    /**
     * Counts the changes collected; null when done, else the sequence number to retry from: the first
     * of them, as some cells may have counted them and others not (the retry counts in each cell only
     * what it has not).
     */
    private String countCollected(String shard, List<StreamChange> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        try {
            keeper.countAll(shard, changes);
            return null;
        } catch (RuntimeException e) {
            LOG.warn("counting {} stream records failed; retried from the first of them", changes.size(), e);
            return changes.get(0).sequence();
        } finally {
            changes.clear();
        }
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
