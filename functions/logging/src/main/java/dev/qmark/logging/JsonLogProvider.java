package dev.qmark.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider in the function jars: every logger writes {@link JsonLogLine}s to stdout, which
 * Lambda (LogFormat JSON) keeps as they are and filters by their {@code level}. The level is
 * {@code AWS_LAMBDA_LOG_LEVEL} (Lambda sets it from the template's ApplicationLogLevel), else INFO.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private ILoggerFactory loggers;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        Level threshold = threshold(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
        JsonLogLine.Sink out = System.out::println;
        loggers = name -> new JsonLogger(name, threshold, mdc, out);
    }

    /** Lambda's level names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL); FATAL logs errors only. */
    static Level threshold(String configured) {
        if (configured == null || configured.isBlank()) {
            return Level.INFO;
        }
        String name = configured.strip().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("FATAL")) {
            return Level.ERROR;
        }
        try {
            return Level.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return Level.INFO;
        }
    }
}
