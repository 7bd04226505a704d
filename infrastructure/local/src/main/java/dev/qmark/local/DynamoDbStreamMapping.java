package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.lambda.DynamoDbStreamEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays Lambda's DynamoDB stream event source mapping (starting position TRIM_HORIZON, bisecting
 * nothing, ReportBatchItemFailures): reads every shard of the table's stream in order and hands
 * batches to the function as stream events; a batch whose invocation fails, or from the first
 * reported failure on, is handed over again after a second. The function is idempotent: a
 * restart that reads from the start again counts nothing twice.
 */
final class DynamoDbStreamMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamMapping.class);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final LocalFunction function;
    private final int batchSize;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Thread poller;
    private volatile boolean running = true;

    DynamoDbStreamMapping(DynamoDbStreamsClient streams, String streamArn, LocalFunction function, int batchSize) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.function = function;
        this.batchSize = batchSize;
        this.poller = Thread.ofPlatform().daemon().name("stream-" + function.name()).unstarted(this::poll);
    }

    DynamoDbStreamMapping start() {
        poller.start();
        return this;
    }

    private void poll() {
        while (running) {
            try {
                if (pollOnce() == 0) {
                    sleep(250);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("reading the table's stream for {} failed; retrying", function.name(), e);
                    sleep(1000);
                }
            }
        }
    }

    /** One read of every open shard; returns how many records were handed over. */
    synchronized int pollOnce() {
        for (Shard shard : streams.describeStream(d -> d.streamArn(streamArn)).streamDescription().shards()) {
            if (!iterators.containsKey(shard.shardId()) && !finished.contains(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }
        int handed = 0;
        for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
            var page = streams.getRecords(g -> g.shardIterator(entry.getValue()).limit(batchSize));
            List<Record> records = page.records();
            String next = page.nextShardIterator();
            if (!records.isEmpty()) {
                String failedAt = invoke(records);
                if (failedAt != null) {
                    // from the failed record on, again: a fresh iterator after the last one that succeeded
                    iterators.put(entry.getKey(), streams.getShardIterator(g -> g.streamArn(streamArn).shardId(entry.getKey())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(failedAt)).shardIterator());
                    continue;
                }
                handed += records.size();
            }
            if (next == null) {
                iterators.remove(entry.getKey());
                finished.add(entry.getKey());
            } else {
                iterators.put(entry.getKey(), next);
            }
        }
        return handed;
    }

    /** Hands the records over; the sequence number to start again from, or null when all went well. */
    private String invoke(List<Record> records) {
        try {
            JsonNode response = function.invoke(event(records));
            if (response != null && response.path("batchItemFailures").size() > 0) {
                return response.path("batchItemFailures").get(0).path("itemIdentifier").asText();
            }
            return null;
        } catch (RuntimeException e) {
            LOG.warn("{} failed on a batch of {} stream records; handed over again", function.name(), records.size(), e);
            return records.get(0).dynamodb().sequenceNumber();
        }
    }

    private Map<String, Object> event(List<Record> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record record : records) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("Keys", DynamoDbStreamEvent.json(record.dynamodb().keys()));
            change.put("NewImage", DynamoDbStreamEvent.json(record.dynamodb().newImage()));
            change.put("OldImage", DynamoDbStreamEvent.json(record.dynamodb().oldImage()));
            change.put("SequenceNumber", record.dynamodb().sequenceNumber());
            change.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("eventID", record.eventID());
            r.put("eventName", record.eventNameAsString());
            r.put("eventSource", "aws:dynamodb");
            r.put("eventSourceARN", streamArn);
            r.put("awsRegion", "us-east-1");
            r.put("dynamodb", change);
            out.add(r);
        }
        return Map.of("Records", out);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
            if (poller.isAlive()) {
                poller.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
