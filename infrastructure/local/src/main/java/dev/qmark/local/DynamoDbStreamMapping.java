package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.DynamoDbStreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * nothing, ReportBatchItemFailures, a tumbling window as template.yaml's): reads every shard of the
 * table's stream in order and hands batches to the function as stream events; a batch whose
 * invocation fails, or from the first reported failure on, is handed over again after a second. The
 * function is idempotent: a restart that reads from the start again counts nothing twice.
 *
 * <p>As Lambda does with a tumbling window (Lambda developer guide, services-ddb-windows), every
 * event names its shard ({@code shardId}) and carries the window, the state the function handed back
 * last in that window of that shard, and {@code isFinalInvokeForWindow}; when a window has passed,
 * its shard's last invocation comes with no records. An answer without a {@code state} is a failed
 * invocation, as Lambda takes it.
 */
final class DynamoDbStreamMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamMapping.class);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final LocalFunction function;
    private final int batchSize;
    private final long windowSeconds;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    /** Per shard: the window its last invocation was in, and the state the function handed back then. */
    private final Map<String, OpenWindow> windows = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Thread poller;
    private volatile boolean running = true;

    private record OpenWindow(Instant start, JsonNode state) {
    }

    /** {@code windowSeconds}: the mapping's TumblingWindowInSeconds (template.yaml's). */
    DynamoDbStreamMapping(DynamoDbStreamsClient streams, String streamArn, LocalFunction function, int batchSize,
                          long windowSeconds) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.function = function;
        this.batchSize = batchSize;
        this.windowSeconds = windowSeconds;
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
        closePassedWindows();
        int handed = 0;
        for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
            if (windows.containsKey(entry.getKey()) && !windows.get(entry.getKey()).start().equals(windowStart())) {
                continue; // its passed window's last invocation failed: nothing of the next before it succeeds
            }
            var page = streams.getRecords(g -> g.shardIterator(entry.getValue()).limit(batchSize));
            List<Record> records = page.records();
            String next = page.nextShardIterator();
            if (!records.isEmpty()) {
                String failedAt = invoke(entry.getKey(), records);
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

    /** The window open now: windows start at multiples of their length since the epoch. */
    private Instant windowStart() {
        long now = Instant.now().getEpochSecond();
        return Instant.ofEpochSecond(now - Math.floorMod(now, windowSeconds));
    }

    /**
     * Each shard whose window has passed gets the window's last invocation, with no records and the
     * state it handed back last; its window is closed once that succeeds.
     */
    private void closePassedWindows() {
        for (Map.Entry<String, OpenWindow> entry : new ArrayList<>(windows.entrySet())) {
            if (entry.getValue().start().equals(windowStart())) {
                continue;
            }
            try {
                JsonNode response = function.invoke(event(entry.getKey(), entry.getValue(), List.of(), true));
                if (response != null && response.path("state").isObject()) {
                    windows.remove(entry.getKey());
                } else {
                    LOG.warn("{} answered a window's last invocation without a state: invoked again", function.name());
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed on a window's last invocation; invoked again", function.name(), e);
            }
        }
    }

    /** Hands the records over; the sequence number to start again from, or null when all went well. */
    private String invoke(String shard, List<Record> records) {
        OpenWindow window = windows.getOrDefault(shard, new OpenWindow(windowStart(), Json.MAPPER.createObjectNode()));
        try {
            JsonNode response = function.invoke(event(shard, window, records, false));
            if (response == null || !response.path("state").isObject()) {
                LOG.warn("{} answered a tumbling window's batch without a state: a failed invocation, handed over again",
                        function.name());
                return records.get(0).dynamodb().sequenceNumber();
            }
            windows.put(shard, new OpenWindow(window.start(), response.get("state")));
            if (response.path("batchItemFailures").size() > 0) {
                return response.path("batchItemFailures").get(0).path("itemIdentifier").asText();
            }
            return null;
        } catch (RuntimeException e) {
            LOG.warn("{} failed on a batch of {} stream records; handed over again", function.name(), records.size(), e);
            return records.get(0).dynamodb().sequenceNumber();
        }
    }

    private Map<String, Object> event(String shard, OpenWindow window, List<Record> records, boolean finalInvoke) {
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
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Records", out);
        event.put("window", Map.of("start", window.start().toString(), "end", window.start().plusSeconds(windowSeconds).toString()));
        event.put("state", window.state());
        event.put("shardId", shard);
        event.put("eventSourceARN", streamArn);
        event.put("isFinalInvokeForWindow", finalInvoke);
        event.put("isWindowTerminatedEarly", false);
        return event;
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
