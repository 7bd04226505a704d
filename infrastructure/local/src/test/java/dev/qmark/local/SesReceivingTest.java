package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.AwsClients;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The local stand-in for SES receiving hands a mail to mail-intake like an asynchronous Lambda
 * invocation: three attempts, then the on-failure destination. A mail that fails every attempt
 * ends on the review list (GET /review) with the reason, never only in a log line.
 */
class SesReceivingTest {

    @Test
    void aMailMailIntakeFailsOnThreeTimesEndsOnTheReviewListWithTheReason() {
        String bucket = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        SharedEmbeddedAws.start().s3().createBucket(bucket);
        String table = "receiving-" + UUID.randomUUID();
        QmarkTable.create(AwsClients.dynamoDb(), table);
        TablePorts ports = new TablePorts(AwsClients.dynamoDb(), table);
        AtomicInteger attempts = new AtomicInteger();
        LocalFunction failing = new LocalFunction("mail-intake", (in, out, context) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("Item size has exceeded the maximum allowed size");
        }, 30);

        try (SesReceiving receiving = new SesReceiving(AwsClients.s3(), bucket, "inbound/", failing,
                (messageId, location, from, reason) -> ports.reviewQueue().keepForReview(new ReviewQueue.ReviewItem(
                        messageId, location, from, null, reason, Instant.now())),
                null, new java.time.Duration[] {java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(400)})) {
            receiving.receive("dana@example.com", List.of("answer+x@feedback.example.com"),
                    "From: dana@example.com\r\nSubject: Re: ?\r\n\r\nAnswer.\r\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(3, attempts.get(), "Lambda's async policy: the call and two retries");
        List<ReviewQueue.ReviewItem> review = ports.reviewQueue().reviewItems(10);
        assertEquals(1, review.size(), review.toString());
        ReviewQueue.ReviewItem kept = review.get(0);
        assertEquals("dana@example.com", kept.from());
        assertTrue(kept.rawLocation().startsWith("s3://" + bucket + "/inbound/"), kept.rawLocation());
        assertTrue(kept.reason().startsWith("not applied after 3 attempts: ") && kept.reason().contains("Item size"),
                kept.reason());
    }
}
