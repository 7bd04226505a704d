package dev.qmark.emulators;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local running inside this JVM: the real engine (SQLite underneath), so conditional writes,
 * indexes and transactions behave as on AWS.
 *
 * <p>Always {@code -sharedDb}: one database whatever the credentials and region, or tables created by
 * one client would be invisible to another. Always {@code -disableTelemetry}: DynamoDB Local otherwise
 * calls AWS when it starts, and there is no network to call.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDynamoDb.class);

    /** Tries when the port was picked by us and someone else took it before Jetty bound it. */
    private static final int DYNAMIC_PORT_TRIES = 5;

    private final DynamoDBProxyServer server;
    private final ThreadGroup threads;
    private final int port;
    private boolean closed;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, ThreadGroup threads, int port) {
        this.server = server;
        this.threads = threads;
        this.port = port;
    }

    /** An in-memory database on {@code port} (0: any free port). Everything is lost on close. */
    public static EmbeddedDynamoDb startInMemory(int port) {
        return start(null, port);
    }

    /**
     * Starts DynamoDB Local on {@code port} (0: any free port).
     *
     * @param dataDirectory where the database file lives, so tables survive a restart; null for memory
     */
    public static EmbeddedDynamoDb start(Path dataDirectory, int port) {
        Loopback.checkPort(port);
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create DynamoDB Local directory " + dataDirectory, e);
            }
        }
        // DynamoDB Local refuses -port 0 and never says which port it got, so pick one ourselves.
        int tries = port == 0 ? DYNAMIC_PORT_TRIES : 1;
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? Loopback.freePort() : port;
            ThreadGroup threads = new ThreadGroup("dynamodb-local-" + chosen);
            try {
                DynamoDBProxyServer server = inGroup(threads, () -> createAndStart(dataDirectory, chosen));
                LOG.info("DynamoDB Local on {} ({})", Loopback.httpEndpoint(chosen),
                        dataDirectory == null ? "in memory" : dataDirectory);
                return new EmbeddedDynamoDb(server, threads, chosen);
            } catch (RuntimeException e) {
                threads.interrupt();
                if (attempt < tries && isBindFailure(e)) {
                    LOG.debug("port {} was taken meanwhile, trying another", chosen);
                    continue;
                }
                throw e;
            }
        }
    }

    private static DynamoDBProxyServer createAndStart(Path dataDirectory, int port) {
        DynamoDBProxyServer server = create(dataDirectory, port);
        try {
            // safeStart, not start: start() swallows a bind failure (prints it to stderr and leaves a
            // dead server behind) and would send telemetry.
            server.safeStart();
            if (dataDirectory != null) {
                // a write DynamoDB Local answered must survive kill -9 (see DurableCommits)
                DurableCommits.install(server);
            }
            return server;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    /**
     * Runs {@code action} on a thread of {@code group}. DynamoDB Local creates its thread pools while it
     * is built and started, and their threads join the group of the thread that does it: so every
     * thread it ever starts is in {@code group}, where {@link #close} can reach it.
     */
    private static <T> T inGroup(ThreadGroup group, Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread starter = new Thread(group, () -> {
            try {
                result.set(action.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, group.getName() + "-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB Local was starting", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static DynamoDBProxyServer create(Path dataDirectory, int port) {
        List<String> args = new ArrayList<>(List.of("-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            args.add("-dbPath");
            args.add(dataDirectory.toAbsolutePath().toString());
        }
        try {
            // What ServerRunner.createServerFromCommandLineArgs does, minus its banner on System.out.
            CommandLineInput input = new CommandLineInput(args.toArray(String[]::new));
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments " + args);
            }
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            confineJetty(server);
            return server;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create DynamoDB Local with " + args, e);
        }
    }

    /**
     * DynamoDB Local's Jetty listens on every interface with non-daemon threads. Bind it to
     * 127.0.0.1 and let its pool threads be daemons, so a forgotten close cannot keep the JVM alive.
     * Its fields are private, hence reflection; the pinned version is checked by the tests.
     */
    private static void confineJetty(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(Loopback.HOST);
            }
        }
        if (jetty.getThreadPool() instanceof QueuedThreadPool pool) {
            pool.setDaemon(true);
        }
        // No graceful stop: SDK clients keep idle keep-alive connections open (the JDK's HTTP cache
        // outlives the client), so a graceful stop would wait out its timeout and then fail.
        jetty.setStopTimeout(0);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a DynamoDB Local that did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return Loopback.httpEndpoint(port);
    }

    /**
     * Stops Jetty and closes the database, then interrupts whatever DynamoDB Local thread is still
     * alive: its stream-shard scheduler sleeps for minutes between rounds in a non-daemon thread and
     * would otherwise keep a JVM whose main method has returned from exiting. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
            LOG.info("DynamoDB Local on port {} stopped", port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local on port " + port + " did not stop cleanly", e);
        } finally {
            threads.interrupt();
        }
    }
}
