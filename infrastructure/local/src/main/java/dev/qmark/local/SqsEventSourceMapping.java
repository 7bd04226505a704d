package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays Lambda's SQS event source mapping with ReportBatchItemFailures: long-polls the queue,
 * hands batches to the function as SQS events, deletes what succeeded and leaves the reported
 * failures (or the whole batch, when the invocation fails) to come back after the visibility
 * timeout; the queue's redrive policy moves messages that keep failing to its DLQ.
 */
final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalFunction function;
    private final int batchSize;
    private final Thread poller;
    private volatile boolean running = true;

    SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, LocalFunction function, int batchSize) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.batchSize = batchSize;
        this.poller = Thread.ofPlatform().daemon().name("sqs-" + function.name()).unstarted(this::poll);
    }

    /** How long a stop waits for the batch in hand. */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(10);

    SqsEventSourceMapping start() {
        poller.start();
        return this;
    }

    private void poll() {
        while (running) {
            try {
                pollOnce(1);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("polling {} for {} failed; retrying", queueUrl, function.name(), e);
                    sleep(1000);
                }
            }
        }
    }

    /** One receive and invoke; returns how many messages were handed to the function. */
    int pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty() || !running) {
            return 0;
        }
        Set<String> failed = new HashSet<>();
        try {
            JsonNode response = function.invoke(event(messages));
            if (response != null) {
                response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed on a batch of {}; all of it comes back after the visibility timeout",
                    function.name(), messages.size(), e);
            return messages.size();
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(done));
        }
        return messages.size();
    }

    private Map<String, Object> event(List<Message> messages) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message message : messages) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            Map<String, String> attributes = new LinkedHashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.put("attributes", attributes);
            record.put("messageAttributes", Map.of());
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "us-east-1");
            records.add(record);
        }
        return Map.of("Records", records);
    }

    /**
     * Stops polling. A batch being handled is let finish first (up to {@link #DRAIN}): interrupting
     * it cut the escalator between sending a "?" and recording it sent, so a clean stop left an
     * item "routed" with its mail already out. Only a batch that takes longer is interrupted.
     */
    @Override
    public void close() {
        running = false;
        try {
            poller.join(DRAIN.toMillis()); // the poll itself waits at most a second
            if (poller.isAlive()) {
                poller.interrupt();
                poller.join(3000);
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
