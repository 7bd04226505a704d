package dev.qmark.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event EventBridge Scheduler hands a function, as the local schedule and /_local/sweep send it. */
final class ScheduledEvent {

    private ScheduledEvent() {
    }

    static Map<String, Object> now(String function) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:scheduler:us-east-1:000000000000:schedule/default/" + function + "-every-minute"));
        event.put("detail", Map.of());
        return event;
    }
}
