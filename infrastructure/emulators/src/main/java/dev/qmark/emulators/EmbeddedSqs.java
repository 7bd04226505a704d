package dev.qmark.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ElasticMQ inside this JVM: a real SQS protocol server (JSON and query protocols, visibility
 * timeouts, redrive to a dead-letter queue, FIFO), in memory only.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);

    /** Queue URLs and ARNs carry these, as they would on AWS (arn:aws:sqs:us-east-1:000000000000:q). */
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;
    private boolean closed;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ on 127.0.0.1:{@code port} (0: any free port) and waits until it listens. */
    public static EmbeddedSqs start(int port) {
        Loopback.checkPort(port);
        var builder = SQSRestServerBuilder.withInterface(Loopback.HOST)
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID);
        // With the interface given and no server address, ElasticMQ writes queue URLs with the
        // interface and the port it really bound: http://127.0.0.1:<port>/000000000000/<queue>.
        builder = port == 0 ? builder.withDynamicPort() : builder.withPort(port);
        SQSRestServer server = builder.start();
        int bound;
        try {
            bound = server.waitUntilStarted().localAddress().getPort();
        } catch (RuntimeException e) {
            try {
                server.stopAndWait();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IllegalStateException("ElasticMQ did not start on port " + port, e);
        }
        LOG.info("ElasticMQ (SQS) on {}", Loopback.httpEndpoint(bound));
        return new EmbeddedSqs(server, bound);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return Loopback.httpEndpoint(port);
    }

    /** Unbinds and terminates ElasticMQ's actor system (whose threads are not daemons); safe twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stopAndWait();
        LOG.info("ElasticMQ on port {} stopped", port);
    }
}
