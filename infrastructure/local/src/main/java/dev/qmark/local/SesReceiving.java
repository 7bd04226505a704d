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
 * reaches this port was sent by someone on this machine. A mail mail-intake still fails on after
 * its retries goes to the {@link OnFailure} destination, as the template's on-failure destination
 * (the mail-intake DLQ, with an alarm) takes it in AWS: locally, the review list.
 */
final class SesReceiving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesReceiving.class);
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final LocalFunction mailIntake;
    private final OnFailure onFailure;
    private final ExecutorService invoker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ses-receiving");
        thread.setDaemon(true);
        return thread;
    });

    /** Where a mail goes that mail-intake could not apply after every attempt. */
    interface OnFailure {
        /**
         * @param messageId    SES's id of the mail
         * @param location     where its raw MIME lies ({@code s3://bucket/key})
         * @param envelopeFrom the SMTP sender
         * @param reason       what the last attempt failed with
         */
        void failed(String messageId, String location, String envelopeFrom, String reason);
    }

    /** Failures only logged: for tests that look at nothing else. */
    SesReceiving(S3Client s3, String bucket, String prefix, LocalFunction mailIntake) {
        this(s3, bucket, prefix, mailIntake, (id, location, from, reason) -> { });
    }

    SesReceiving(S3Client s3, String bucket, String prefix, LocalFunction mailIntake, OnFailure onFailure) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.mailIntake = mailIntake;
        this.onFailure = onFailure;
    }

    /** Called by the SMTP listener for each accepted mail; returns once the mail is stored. */
    void receive(String envelopeFrom, List<String> recipients, byte[] raw) {
        String messageId = UUID.randomUUID().toString().replace("-", "");
        s3.putObject(p -> p.bucket(bucket).key(prefix + messageId).contentType("message/rfc822"),
                RequestBody.fromBytes(raw));
        Map<String, Object> event = event(messageId, envelopeFrom, recipients);
        invoker.submit(() -> invokeWithRetries(messageId, envelopeFrom, event));
    }

    private void invokeWithRetries(String messageId, String envelopeFrom, Map<String, Object> event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mailIntake.invoke(event);
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("mail-intake failed on mail {} (attempt {} of {})", messageId, attempt, ATTEMPTS, e);
                if (attempt < ATTEMPTS) {
                    sleep(attempt * 1000L);
                }
            }
        }
        String location = "s3://" + bucket + "/" + prefix + messageId;
        LOG.error("mail {} was not applied after {} attempts; it goes to the on-failure destination, its raw MIME"
                + " stays at {}", messageId, ATTEMPTS, location);
        try {
            onFailure.failed(messageId, location, envelopeFrom, "not applied after " + ATTEMPTS + " attempts: " + last);
        } catch (RuntimeException e) {
            LOG.error("mail {} could not be handed to the on-failure destination either", messageId, e);
        }
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
