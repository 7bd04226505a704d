package dev.qmark.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qmark.aws.Json;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.utils.Md5Utils;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Sends objects as JSON message bodies to one queue. */
public final class SqsJsonQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJsonQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(Object message) {
        String body = json(message);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    private static String json(Object message) {
        try {
            return Json.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + message + " as JSON", e);
        }
    }

    /**
     * SnapStart priming: SendMessage's whole path through the SDK (marshalling, signing, the request,
     * the error's unmarshalling) with a body SQS refuses, so nothing is queued: a NUL character is not
     * allowed in a message (InvalidMessageContents): {@code message} as JSON, then a NUL. If a queue
     * ever took it, priming fails loudly.
     */
    public void primeRefusedSend(Object message) {
        String refused = json(message) + "\u0000";
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(refused));
        } catch (SqsException expected) {
            // what a sent message is read into, and the MD5 the SDK checks its body against
            SendMessageResponse.builder().build();
            Md5Utils.md5AsBase64(refused.getBytes(StandardCharsets.UTF_8));
            return;
        }
        throw new IllegalStateException(queueUrl + " accepted a message with a NUL character while priming");
    }
}
