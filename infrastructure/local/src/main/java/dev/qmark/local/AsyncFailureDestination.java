package dev.qmark.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays the on-failure destination of mail-intake's asynchronous invocations (template.yaml:
 * {@code EventInvokeConfig}, {@code OnFailure} to {@code MailIntakeDLQ}): after the last attempt,
 * an invocation record goes to the DLQ as its message body, in the shape Lambda writes ("Capturing
 * records of Lambda asynchronous invocations", AWS Lambda developer guide): {@code version},
 * {@code timestamp}, {@code requestContext} ({@code condition} {@code RetriesExhausted},
 * {@code approximateInvokeCount}), the original event as {@code requestPayload},
 * {@code responseContext} and {@code responsePayload}. mail-intake's recovery drains the DLQ.
 *
 * <p>SQS keeps the record for 14 days; the local queues live in memory. So, with a data directory,
 * each record is also a file until a recovery run reports its mail applied or kept for review
 * ({@link #recovered}); {@link #resume()} puts what a stopped run left back on the DLQ.
 */
final class AsyncFailureDestination implements SesReceiving.OnFailure {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncFailureDestination.class);

    private final SqsClient sqs;
    private final String dlqUrl;
    private final String functionArn;
    /** Where records wait until recovered, or null: in the (in-memory) queue only. */
    private final Path kept;

    AsyncFailureDestination(SqsClient sqs, String dlqUrl, String functionArn, Path kept) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.functionArn = functionArn;
        this.kept = kept;
    }

    @Override
    public void failed(String messageId, Map<String, Object> event, int attempts, String error) {
        String record = record(event, attempts, error);
        keep(messageId, record);
        sqs.sendMessage(s -> s.queueUrl(dlqUrl).messageBody(record));
    }

    /** Puts the records a stopped run left over back on the DLQ (the local queues live in memory). */
    int resume() {
        if (kept == null || !Files.isDirectory(kept)) {
            return 0;
        }
        List<Path> files;
        try (var listing = Files.list(kept)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail-intake's failed invocations in " + kept, e);
        }
        for (Path file : files) {
            try {
                String record = Files.readString(file);
                sqs.sendMessage(s -> s.queueUrl(dlqUrl).messageBody(record));
            } catch (IOException e) {
                LOG.error("failed invocation {} cannot be read; its mail stays in the bucket", file, e);
            }
        }
        return files.size();
    }

    /** A recovery run's report: each mail it applied or kept for review is done with, its file goes. */
    void recovered(JsonNode report) {
        if (kept == null) {
            return;
        }
        for (JsonNode mail : report.path("mails")) {
            String outcome = mail.path("outcome").asText("");
            String mailId = mail.path("mailId").asText("");
            if (!mailId.isEmpty() && !outcome.equals("failed") && !outcome.equals("unreadable")) {
                try {
                    Files.deleteIfExists(kept.resolve(mailId + ".json"));
                } catch (IOException e) {
                    LOG.warn("cannot delete the kept failed invocation of mail {}; put back at the next start (harmless)",
                            mailId, e);
                }
            }
        }
    }

    private void keep(String messageId, String record) {
        if (kept == null) {
            return;
        }
        try {
            Files.createDirectories(kept);
            Files.writeString(kept.resolve(messageId + ".json"), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the failed invocation of mail " + messageId, e);
        }
    }

    private String record(Map<String, Object> event, int attempts, String error) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        record.put("requestContext", Map.of("requestId", UUID.randomUUID().toString(), "functionArn", functionArn,
                "condition", "RetriesExhausted", "approximateInvokeCount", attempts));
        record.put("requestPayload", event);
        record.put("responseContext", Map.of("statusCode", 200, "executedVersion", "$LATEST", "functionError", "Unhandled"));
        record.put("responsePayload", Map.of("errorMessage", error));
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an invocation record", e);
        }
    }
}
