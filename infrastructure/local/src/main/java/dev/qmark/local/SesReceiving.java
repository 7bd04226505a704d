package dev.qmark.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * (the mail-intake DLQ, with an alarm, drained by mail-intake's recovery) takes it in AWS: locally
 * {@link AsyncFailureDestination}, the same record on the local DLQ.
 *
 * <p>Lambda keeps an asynchronous invocation until it has run (or gone to its on-failure
 * destination), whatever happens to the caller. So here: with a data directory, each pending
 * invocation is a file written before the SMTP {@code 250} and deleted once mail-intake is
 * done with it; {@link #resume()} hands what a killed run left over to mail-intake again.
 * mail-intake is idempotent by message id, so a mail handled just before the kill is
 * recognised, not applied twice.
 */
final class SesReceiving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesReceiving.class);
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final LocalFunction mailIntake;
    private final OnFailure onFailure;
    /** Where pending invocations are kept, or null: in memory only, lost with the process. */
    private final Path pending;
    private final Duration[] retryDelays;
    /** Mails handed to mail-intake and not done yet (applied, or gone to the on-failure destination). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Lambda retries a failed asynchronous invocation after about one and then two minutes. Kept
     * here, not shortened: a retry must outlive a claim's lease (30 s), or a mail whose notice was
     * claimed by a killed run would give up before the claim expires.
     */
    static final Duration[] LAMBDA_RETRY_DELAYS = {Duration.ofMinutes(1), Duration.ofMinutes(2)};

    private final ScheduledThreadPoolExecutor invoker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "ses-receiving");
        thread.setDaemon(true);
        return thread;
    });


    /** Where an invocation goes that mail-intake failed on at every attempt. */
    interface OnFailure {
        /**
         * @param messageId SES's id of the mail
         * @param event     the invocation's event (SES receiving's), as mail-intake got it
         * @param attempts  how many times mail-intake was invoked with it
         * @param error     what the last attempt failed with
         */
        void failed(String messageId, Map<String, Object> event, int attempts, String error);
    }

    /** Failures only logged, nothing kept on disk, Lambda's retry delays: for tests that look at nothing else. */
    SesReceiving(S3Client s3, String bucket, String prefix, LocalFunction mailIntake) {
        this(s3, bucket, prefix, mailIntake, (id, event, attempts, error) -> { }, null, LAMBDA_RETRY_DELAYS);
    }

    /**
     * @param onFailure   where a mail goes after its last attempt failed
     * @param pending     where pending invocations survive a restart (a directory of the data
     *                    directory), or null to keep them in memory
     * @param retryDelays before the second and the third attempt
     */
    SesReceiving(S3Client s3, String bucket, String prefix, LocalFunction mailIntake, OnFailure onFailure, Path pending,
                 Duration[] retryDelays) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.mailIntake = mailIntake;
        this.onFailure = onFailure;
        this.pending = pending;
        this.retryDelays = retryDelays.clone();
        // retries still waiting at shutdown are dropped: with a data directory their pending files hand them over at
        // the next start (without one, everything in memory ends with the process anyway)
        invoker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Called by the SMTP listener for each accepted mail; returns (and so the listener answers
     * {@code 250}) once the mail is stored and its invocation is as durable as Lambda's.
     */
    void receive(String envelopeFrom, List<String> recipients, byte[] raw) {
        String messageId = UUID.randomUUID().toString().replace("-", "");
        s3.putObject(p -> p.bucket(bucket).key(prefix + messageId).contentType("message/rfc822"),
                RequestBody.fromBytes(raw));
        Map<String, Object> event = event(messageId, envelopeFrom, recipients);
        keep(messageId, event);
        inFlight.incrementAndGet();
        invoker.submit(() -> invoke(messageId, event, 1));
    }

    /** Hands the invocations a killed run left pending to mail-intake again, oldest first. */
    int resume() {
        if (pending == null || !Files.isDirectory(pending)) {
            return 0;
        }
        List<Path> files;
        try (var listing = Files.list(pending)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(SesReceiving::modified)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pending mail-intake invocations in " + pending, e);
        }
        for (Path file : files) {
            String messageId = file.getFileName().toString().replace(".json", "");
            Map<String, Object> event;
            try {
                event = Json.MAPPER.readValue(file.toFile(), new TypeReference<>() { });
            } catch (IOException e) {
                LOG.error("pending invocation {} cannot be read; the mail stays at s3://{}/{}{}", file, bucket, prefix,
                        messageId, e);
                continue;
            }
            inFlight.incrementAndGet();
            invoker.submit(() -> invoke(messageId, event, 1));
        }
        return files.size();
    }

    /** One attempt; a failed one is tried again later without holding up other mail, as Lambda does. */
    private void invoke(String messageId, Map<String, Object> event, int attempt) {
        try {
            mailIntake.invoke(event);
            forget(messageId);
            inFlight.decrementAndGet();
        } catch (RuntimeException e) {
            if (attempt < ATTEMPTS) {
                Duration delay = retryDelays[attempt - 1];
                LOG.warn("mail-intake failed on mail {} (attempt {} of {}); trying again in {}", messageId, attempt, ATTEMPTS,
                        delay, e);
                try {
                    invoker.schedule(() -> invoke(messageId, event, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    LOG.warn("stopping: the retry of mail {} is left to its pending invocation, if any", messageId);
                    inFlight.decrementAndGet();
                }
                return;
            }
            String location = "s3://" + bucket + "/" + prefix + messageId;
            LOG.error("mail {} was not applied after {} attempts; it goes to the on-failure destination, its raw MIME"
                    + " stays at {}", messageId, ATTEMPTS, location);
            try {
                onFailure.failed(messageId, event, ATTEMPTS, e.toString());
            } catch (RuntimeException again) {
                LOG.error("mail {} could not be handed to the on-failure destination either", messageId, again);
            }
            // done, as Lambda is after the last retry
            forget(messageId);
            inFlight.decrementAndGet();
        }
    }

    private void keep(String messageId, Map<String, Object> event) {
        if (pending == null) {
            return;
        }
        try {
            Files.createDirectories(pending);
            Path target = pending.resolve(messageId + ".json");
            Path temp = pending.resolve(messageId + ".tmp");
            Files.write(temp, Json.MAPPER.writeValueAsBytes(event));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // no 250 for a mail whose invocation could be lost: the sender's server tries again later
            throw new UncheckedIOException("cannot keep the mail-intake invocation of mail " + messageId, e);
        }
    }

    private void forget(String messageId) {
        if (pending == null) {
            return;
        }
        try {
            Files.deleteIfExists(pending.resolve(messageId + ".json"));
        } catch (IOException e) {
            LOG.warn("cannot delete the pending invocation of mail {}; it will be handed over again (harmless)", messageId, e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
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

    /** Waits a little for mail in flight, retries included (tests, shutdown); what is left stays pending. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        invoker.shutdown();
        try {
            invoker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
