package dev.qmark.core.logging;

import java.util.List;
import org.slf4j.MDC;

/**
 * The fields every log line carries while one item is handled: which feedback, which escalation
 * step, which SES message. In AWS they are JSON fields of each line (filter on them in CloudWatch
 * Logs Insights); locally they are in the MDC. Use in try-with-resources: closing removes them.
 */
public final class LogFields implements AutoCloseable {

    public static final String FEEDBACK_ID = "feedbackId";
    public static final String STEP = "step";
    public static final String SES_MESSAGE_ID = "sesMessageId";

    private final List<String> keys;

    private LogFields(List<String> keys) {
        this.keys = keys;
    }

    public static LogFields feedback(String feedbackId) {
        MDC.put(FEEDBACK_ID, String.valueOf(feedbackId));
        return new LogFields(List.of(FEEDBACK_ID));
    }

    public static LogFields escalation(String feedbackId, int step) {
        MDC.put(FEEDBACK_ID, String.valueOf(feedbackId));
        MDC.put(STEP, Integer.toString(step));
        return new LogFields(List.of(FEEDBACK_ID, STEP));
    }

    /** A received mail, by the id SES gave it (its raw MIME's key in the bucket). */
    public static LogFields receivedMail(String sesMessageId) {
        MDC.put(SES_MESSAGE_ID, String.valueOf(sesMessageId));
        return new LogFields(List.of(SES_MESSAGE_ID));
    }

    @Override
    public void close() {
        keys.forEach(MDC::remove);
    }
}
