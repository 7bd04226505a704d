package dev.qmark.emulators;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what was started, last first, and goes on when one of them fails: a stand-in that cannot
 * stop cleanly must not leave the others (and their non-daemon threads) running.
 */
final class Closer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Registers {@code resource} to be closed before everything registered earlier; returns it. */
    synchronized <T extends AutoCloseable> T register(T resource) {
        resources.add(resource);
        return resource;
    }

    /**
     * Closes everything in reverse order of registration, each once.
     *
     * @throws IllegalStateException after all were tried, if any failed; the others are suppressed in it
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        IllegalStateException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            AutoCloseable resource = toClose.get(i);
            try {
                resource.close();
            } catch (Exception | Error e) {
                LOG.warn("{} did not close cleanly", resource.getClass().getSimpleName(), e);
                if (failure == null) {
                    failure = new IllegalStateException("not everything closed cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
