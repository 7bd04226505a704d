package dev.qmark.testing;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.ports.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every figure recorded, in order, as "Name=value" or "Name[dimension]=value", for tests to read. */
public final class RecordingMetrics implements Metrics {

    private final List<String> recorded = new ArrayList<>();

    public synchronized List<String> recorded() {
        return List.copyOf(recorded);
    }

    private synchronized void add(String figure) {
        recorded.add(figure);
    }

    @Override
    public void feedbackReceived(Channel channel) {
        add("FeedbackReceived[" + channel.wireName() + "]=1");
    }

    @Override
    public void questionsSent(int count) {
        add("QuestionsSent=" + count);
    }

    @Override
    public void answered(Duration timeToAnswer, boolean late) {
        add((late ? "AnsweredLate" : "Answered") + "=1");
        add("TimeToAnswer=" + timeToAnswer.toSeconds());
    }

    @Override
    public void breached(int count) {
        add("Breached=" + count);
    }

    @Override
    public void bounced(int count) {
        add("Bounced=" + count);
    }

    @Override
    public void swept(Duration took, int due) {
        add("SweepDuration=" + took.toMillis());
        add("ItemsDue=" + due);
    }
}
