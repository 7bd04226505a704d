package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An SQS event source mapping's batch, as Lambda receives it. */
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    public record Message(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                          String eventSource, String eventSourceARN) {
    }
}
