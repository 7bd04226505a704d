package dev.qmark.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.core.ports.FailedMailIntakes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@link FailedMailIntakes} on mail-intake's DLQ, the SQS queue template.yaml names as the
 * on-failure destination of its asynchronous invocations. Lambda writes an invocation record there
 * as the message body once an event failed every attempt (or aged out), the original event under
 * {@code requestPayload} ("Capturing records of Lambda asynchronous invocations", AWS Lambda
 * developer guide: {@code version}, {@code timestamp}, {@code requestContext} with {@code condition}
 * and {@code approximateInvokeCount}, {@code requestPayload}, {@code responseContext},
 * {@code responsePayload}). SQS counts the receives ({@code ApproximateReceiveCount}); a received
 * message not deleted comes back after {@code outOfSight}.
 */
public final class SqsFailedMailIntakes implements FailedMailIntakes {

    private static final Logger LOG = LoggerFactory.getLogger(SqsFailedMailIntakes.class);

    /**
     * Longer than a recovery run (the function's 30 s timeout), so two runs never take the same
     * invocation at once; shorter than the schedule's 5 minutes, so the next run tries it again.
     */
    public static final Duration OUT_OF_SIGHT = Duration.ofMinutes(4);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration outOfSight;

    public SqsFailedMailIntakes(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, OUT_OF_SIGHT);
    }

    public SqsFailedMailIntakes(SqsClient sqs, String queueUrl, Duration outOfSight) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.outOfSight = outOfSight;
    }

    @Override
    public List<Failed> take(int max) {
        // by message id: a message out of sight for less than this take lasts comes back within it, counted once
        // for this take; the newest receipt handle is the one that deletes it
        Map<String, Failed> taken = new LinkedHashMap<>();
        boolean again = false;
        while (taken.size() < max && !again) {
            int batch = Math.min(10, max - taken.size());
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batch)
                    .waitTimeSeconds(0).visibilityTimeout((int) outOfSight.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
                Failed before = taken.get(message.messageId());
                again |= before != null;
                taken.put(message.messageId(), new Failed(message.receiptHandle(), requestPayload(message),
                        before != null ? before.taken() : count == null ? 1 : Integer.parseInt(count)));
            }
        }
        return new ArrayList<>(taken.values());
    }

    @Override
    public void done(String handle) {
        sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(handle));
    }

    private static String requestPayload(Message message) {
        try {
            JsonNode payload = Json.MAPPER.readTree(message.body()).get("requestPayload");
            return payload == null || payload.isNull() ? null : payload.toString();
        } catch (IOException e) {
            LOG.warn("message {} in mail-intake's DLQ is not an invocation record", message.messageId(), e);
            return null;
        }
    }
}
