package dev.qmark.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's own HTTP server on 127.0.0.1, one virtual thread per exchange: enough for an SDK client
 * and nothing to add to the class path. Used by the S3 and SES stand-ins.
 */
final class LocalHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String name;
    /** Kept: once stopped, the server no longer knows its address. */
    private final int port;
    private boolean closed;

    private LocalHttpServer(HttpServer server, ExecutorService executor, String name) {
        this.server = server;
        this.executor = executor;
        this.name = name;
        this.port = server.getAddress().getPort();
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port) and starts serving {@code handler} on every path. */
    static LocalHttpServer start(String name, int port, HttpHandler handler) {
        HttpServer server;
        HttpServerLimits.apply();
        try {
            server = HttpServer.create(Loopback.socketAddress(port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on " + Loopback.HOST + ":" + port, e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> handleSafely(name, handler, exchange));
        server.start();
        return new LocalHttpServer(server, executor, name);
    }

    /**
     * An exception in a handler would otherwise leave the client waiting for an answer that never
     * comes; answer 500 instead and log it where a developer looks.
     */
    private static void handleSafely(String name, HttpHandler handler, HttpExchange exchange) {
        try (exchange) {
            handler.handle(exchange);
        } catch (Exception | Error e) {
            LOG.error("{} failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent: closing the exchange is all that is left
            }
        }
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return Loopback.httpEndpoint(port());
    }

    /** Stops at once (open keep-alive connections are dropped) and ends the handler threads; safe twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // stop(0): no grace period; SDK clients keep idle connections open and would hold us up.
        server.stop(0);
        executor.shutdownNow();
        LOG.info("{} on port {} stopped", name, port);
    }
}
