package dev.qmark.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plays SES receiving for mail that arrives at the SMTP listener: the receipt rule's S3 action
 * (raw MIME under the prefix plus a message id), then its Lambda action, invoked asynchronously
 * with Lambda's retry policy for async invocations (two retries). Verdicts are PASS: mail that
 * reaches this port was sent by someone on this machine.
 */
final class SesReceiving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesReceiving.class);
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final LocalFunction mailIntake;
    private final ExecutorService invoker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ses-receiving");
        thread.setDaemon(true);
        return thread;
    });

    SesReceiving(S3Client s3, String bucket, String prefix, LocalFunction mailIntake) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.mailIntake = mailIntake;
    }

    /** Called by the SMTP listener for each accepted mail; returns once the mail is stored. */
    void receive(String envelopeFrom, List<String> recipients, byte[] raw) {
        String messageId = UUID.randomUUID().toString().replace("-", "");
        s3.putObject(p -> p.bucket(bucket).key(prefix + messageId).contentType("message/rfc822"),
                RequestBody.fromBytes(raw));
        Map<String, Object> event = event(messageId, envelopeFrom, recipients);
        invoker.submit(() -> invokeWithRetries(messageId, event));
    }

    private void invokeWithRetries(String messageId, Map<String, Object> event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mailIntake.invoke(event);
                return;
            } catch (RuntimeException e) {
                LOG.warn("mail-intake failed on mail {} (attempt {} of {})", messageId, attempt, ATTEMPTS, e);
                sleep(attempt * 1000L);
            }
        }
        LOG.error("mail {} was not applied after {} attempts; its raw MIME stays at s3://{}/{}{}",
                messageId, ATTEMPTS, bucket, prefix, messageId);
    }

    static Map<String, Object> event(String messageId, String envelopeFrom, List<String> recipients) {
        Map<String, Object> pass = Map.of("status", "PASS");
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("timestamp", Instant.now().toString());
        receipt.put("processingTimeMillis", 1);
        receipt.put("recipients", recipients);
        receipt.put("spamVerdict", pass);
        receipt.put("virusVerdict", pass);
        receipt.put("spfVerdict", pass);
        receipt.put("dkimVerdict", pass);
        receipt.put("dmarcVerdict", pass);
        receipt.put("action", Map.of("type", "Lambda", "invocationType", "Event",
                "functionArn", "arn:aws:lambda:us-east-1:000000000000:function:mail-intake"));
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", Instant.now().toString());
        mail.put("source", envelopeFrom);
        mail.put("messageId", messageId);
        mail.put("destination", recipients);
        mail.put("headersTruncated", false);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        record.put("ses", Map.of("mail", mail, "receipt", receipt));
        return Map.of("Records", List.of(record));
    }

    /** Waits for queued invocations (tests, shutdown). */
    @Override
    public void close() {
        invoker.shutdown();
        try {
            invoker.awaitTermination(5, TimeUnit.SECONDS);
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
