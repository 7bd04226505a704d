package dev.qmark.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;

/**
 * One logger: below its threshold nothing is formatted; at or above it, one {@link JsonLogLine}
 * with the MDC (requestId, feedbackId, step, sesMessageId) and the fluent API's key-value pairs
 * as fields of their own.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private final Level threshold;
    private final MDCAdapter mdc;
    private final JsonLogLine.Sink out;

    JsonLogger(String name, Level threshold, MDCAdapter mdc, JsonLogLine.Sink out) {
        this.name = name;
        this.threshold = threshold;
        this.mdc = mdc;
        this.out = out;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, pattern, arguments, throwable, List.of());
    }

    /** The fluent API ({@code LOG.atInfo().addKeyValue(...)}) arrives here, key-value pairs included. */
    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        write(event.getLevel(), event.getMessage(), arguments, event.getThrowable(), pairs);
    }

    private void write(Level level, String pattern, Object[] arguments, Throwable throwable, List<KeyValuePair> pairs) {
        Throwable thrown = throwable != null ? throwable : MessageFormatter.getThrowableCandidate(arguments);
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        Map<String, String> context = mdc.getCopyOfContextMap();
        out.write(JsonLogLine.of(Instant.now(), level, name, message, context, pairs, thrown));
    }
}
