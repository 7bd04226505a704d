package dev.qmark.aws.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qmark.aws.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one message at a time and reports the ones that failed, so one bad message never makes
 * the whole batch come back (the template enables ReportBatchItemFailures).
 */
public final class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private SqsBatch() {
    }

    /**
     * Reads each body as JSON of {@code type} and hands it on. A body that cannot be read fails
     * like any other message, so after the queue's maxReceiveCount it rests in the DLQ: kept, not lost.
     */
    public static <T> SqsBatchResponse processJson(SqsEvent event, Class<T> type, Consumer<T> handler) {
        return process(event, message -> {
            try {
                handler.accept(Json.MAPPER.readValue(message.body(), type));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("message " + message.messageId() + " is not a "
                        + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        });
    }

    public static SqsBatchResponse process(SqsEvent event, Consumer<SqsEvent.Message> handler) {
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        if (event != null && event.records() != null) {
            for (SqsEvent.Message message : event.records()) {
                try {
                    handler.accept(message);
                } catch (RuntimeException e) {
                    LOG.warn("message {} failed and will come back: {}", message.messageId(), e.toString(), e);
                    failures.add(new SqsBatchResponse.ItemFailure(message.messageId()));
                }
            }
        }
        return new SqsBatchResponse(failures);
    }
}
