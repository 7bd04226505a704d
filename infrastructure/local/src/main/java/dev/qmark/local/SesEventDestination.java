package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the configuration set's event destination and the EventBridge rule: each SES event of the
 * types they match ({@link #DETAIL_TYPES}: what went wrong, not sends and deliveries) goes to
 * mail-events as an asynchronous invocation, a moment after the send (SES publishes after it
 * accepted the mail, so the sending function has finished its bookkeeping), and a failed invocation
 * is tried again, as Lambda retries an asynchronous invocation twice.
 */
final class SesEventDestination implements AutoCloseable {

    /** The detail-types mail-events' rule in template.yaml matches (TemplateTest holds them equal). */
    static final java.util.Set<String> DETAIL_TYPES = java.util.Set.of("Email Bounced", "Email Complaint Received",
            "Email Rejected", "Email Delivery Delayed");
    static final Duration PUBLISH_DELAY = Duration.ofMillis(300);
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final Logger LOG = LoggerFactory.getLogger(SesEventDestination.class);

    private final LocalFunction mailEvents;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ses-events");
        thread.setDaemon(true);
        return thread;
    });

    SesEventDestination(LocalFunction mailEvents) {
        this.mailEvents = mailEvents;
    }

    /** Takes one event as SES publishes it to EventBridge (JSON). */
    void publish(String eventJson) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException("an SES event is not JSON", e);
        }
        if (!DETAIL_TYPES.contains(event.path("detail-type").asText())) {
            return;   // not published to the bus (the destination's event types), or no rule matches it
        }
        executor.schedule(() -> invoke(event, 0), PUBLISH_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void invoke(JsonNode event, int attempt) {
        try {
            mailEvents.invoke(event);
        } catch (RuntimeException e) {
            if (attempt < RETRY_DELAYS.size()) {
                LOG.info("mail-events failed on {} (attempt {}); tried again in {}", event.path("detail-type").asText(),
                        attempt + 1, RETRY_DELAYS.get(attempt), e);
                executor.schedule(() -> invoke(event, attempt + 1), RETRY_DELAYS.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("mail-events failed on {} {} times; dropped (in AWS: the function's on-failure destination)",
                        event.path("detail-type").asText(), attempt + 1, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
