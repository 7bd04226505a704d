package dev.qmark.core.ports;

import dev.qmark.core.feedback.Channel;
import java.time.Duration;

/**
 * The figures an operator watches (the dashboard and alarms read them): what arrived, what was
 * asked, answered, late or undeliverable, and how the sweeper keeps up. One method per figure, so
 * every function names a figure the same way. In AWS each call is one line of CloudWatch Embedded
 * Metric Format on stdout ({@code aws.metrics.EmfMetrics}); tests record them.
 */
public interface Metrics {

    /** A new feedback item was stored (a retried submission is not new). */
    void feedbackReceived(Channel channel);

    /** "?" mails sent now (first asks, hand-ons and steps up the chain; not reminders). */
    void questionsSent(int count);

    /** An answer was recorded; {@code timeToAnswer} counts from when the feedback arrived. */
    void answered(Duration timeToAnswer, boolean late);

    /** Deadlines found passed by a sweep. */
    void breached(int count);

    /** A mail Qmark sent bounced (hard) or was rejected: the delivery events' figure. */
    void bounced(int count);

    /** One sweep: how long it ran and how many due escalations it read. */
    void swept(Duration took, int due);

    /** Records nothing: for wiring that has no figures to give (tools, benches, old constructors). */
    Metrics NONE = new Metrics() {
        @Override
        public void feedbackReceived(Channel channel) {
        }

        @Override
        public void questionsSent(int count) {
        }

        @Override
        public void answered(Duration timeToAnswer, boolean late) {
        }

        @Override
        public void breached(int count) {
        }

        @Override
        public void bounced(int count) {
        }

        @Override
        public void swept(Duration took, int due) {
        }
    };
}
