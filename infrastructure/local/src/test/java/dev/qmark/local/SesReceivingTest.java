package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.Json;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local stand-in for SES receiving hands a mail to mail-intake like an asynchronous Lambda
 * invocation: three attempts, then the on-failure destination. A mail that fails every attempt
 * ends on mail-intake's DLQ as Lambda's invocation record, the original event under
 * {@code requestPayload}, for mail-intake's recovery; with a data directory the record survives a
 * restart until a recovery run reports the mail done.
 */
class SesReceivingTest {

    @TempDir
    Path dataDir;

    @Test
    void aMailMailIntakeFailsOnThreeTimesEndsOnItsDlqAsAnInvocationRecordWithTheEvent() throws Exception {
        String bucket = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        SharedEmbeddedAws.start().s3().createBucket(bucket);
        SqsClient sqs = AwsClients.sqs();
        String dlq = sqs.createQueue(c -> c.queueName("mail-intake-dlq-" + UUID.randomUUID().toString().substring(0, 8)))
                .queueUrl();
        AtomicInteger attempts = new AtomicInteger();
        LocalFunction failing = new LocalFunction("mail-intake", (in, out, context) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("Item size has exceeded the maximum allowed size");
        }, 30);
        Path kept = dataDir.resolve("mail-intake-dlq");
        AsyncFailureDestination destination = new AsyncFailureDestination(sqs, dlq,
                "arn:aws:lambda:us-east-1:000000000000:function:mail-intake", kept);

        try (SesReceiving receiving = new SesReceiving(AwsClients.s3(), bucket, "inbound/", failing, destination,
                null, new Duration[] {Duration.ofMillis(200), Duration.ofMillis(400)})) {
            receiving.receive("dana@example.com", List.of("answer+x@feedback.example.com"),
                    "From: dana@example.com\r\nSubject: Re: ?\r\n\r\nAnswer.\r\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(3, attempts.get(), "Lambda's async policy: the call and two retries");
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages();
        assertEquals(1, messages.size(), messages.toString());
        JsonNode record = Json.MAPPER.readTree(messages.get(0).body());
        assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText(), record.toString());
        assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals("Unhandled", record.path("responseContext").path("functionError").asText());
        assertTrue(record.path("responsePayload").path("errorMessage").asText().contains("Item size"), record.toString());
        JsonNode mail = record.path("requestPayload").path("Records").get(0).path("ses").path("mail");
        String messageId = mail.path("messageId").asText();
        assertEquals("dana@example.com", mail.path("source").asText());
        assertEquals("aws:ses", record.path("requestPayload").path("Records").get(0).path("eventSource").asText());

        // the local queues live in memory: a restart puts the kept record back, until a recovery run reports the mail done
        sqs.purgeQueue(p -> p.queueUrl(dlq));
        assertEquals(1, destination.resume());
        assertEquals(1, sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).visibilityTimeout(0)).messages().size());
        destination.recovered(Json.MAPPER.readTree("{\"mails\":[{\"mailId\":\"" + messageId + "\",\"outcome\":\"failed\"}]}"));
        assertTrue(Files.exists(kept.resolve(messageId + ".json")), "failed again: still kept");
        destination.recovered(Json.MAPPER.readTree("{\"mails\":[{\"mailId\":\"" + messageId + "\",\"outcome\":\"answered\"}]}"));
        assertFalse(Files.exists(kept.resolve(messageId + ".json")), "applied: gone");
    }
}
