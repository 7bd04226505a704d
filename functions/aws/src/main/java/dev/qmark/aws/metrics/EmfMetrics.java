package dev.qmark.aws.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.ports.Metrics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The figures as CloudWatch Embedded Metric Format: one JSON line on stdout per metric set, which
 * CloudWatch Logs turns into metrics of namespace {@value #NAMESPACE} (no agent, no API call, no
 * extra latency; the template's dashboard and alarms read them). Dimensionless except the
 * channel of received feedback, so the dashboard needs no per-function series.
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "Qmark";

    private final PrintStream out;
    private final Clock clock;

    public EmfMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** stdout, which Lambda sends to CloudWatch Logs. */
    public static EmfMetrics stdout() {
        return new EmfMetrics(System.out, Clock.systemUTC());
    }

    @Override
    public void feedbackReceived(Channel channel) {
        write(Map.of("Channel", channel.wireName()), new Figure("FeedbackReceived", "Count", 1));
    }

    @Override
    public void questionsSent(int count) {
        if (count > 0) {
            write(Map.of(), new Figure("QuestionsSent", "Count", count));
        }
    }

    @Override
    public void answered(Duration timeToAnswer, boolean late) {
        write(Map.of(), new Figure(late ? "AnsweredLate" : "Answered", "Count", 1),
                new Figure("TimeToAnswer", "Seconds", timeToAnswer.toSeconds()));
    }

    @Override
    public void breached(int count) {
        if (count > 0) {
            write(Map.of(), new Figure("Breached", "Count", count));
        }
    }

    @Override
    public void bounced(int count) {
        if (count > 0) {
            write(Map.of(), new Figure("Bounced", "Count", count));
        }
    }

    @Override
    public void swept(Duration took, int due) {
        write(Map.of(), new Figure("SweepDuration", "Milliseconds", took.toMillis()),
                new Figure("ItemsDue", "Count", due));
    }

    record Figure(String name, String unit, double value) {
    }

    /** One metric set: {"_aws":{"Timestamp","CloudWatchMetrics":[…]}, dimensions…, figures…}. */
    void write(Map<String, String> dimensions, Figure... figures) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().stream().sorted().forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        for (Figure figure : figures) {
            metrics.addObject().put("Name", figure.name()).put("Unit", figure.unit());
        }
        dimensions.forEach(line::put);
        for (Figure figure : figures) {
            line.put(figure.name(), figure.value());
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a metric set could not be written", e);
        }
    }
}
