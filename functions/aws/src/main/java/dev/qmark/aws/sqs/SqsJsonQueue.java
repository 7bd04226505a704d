package dev.qmark.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qmark.aws.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends objects as JSON message bodies to one queue. */
public final class SqsJsonQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJsonQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(Object message) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + message + " as JSON", e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
