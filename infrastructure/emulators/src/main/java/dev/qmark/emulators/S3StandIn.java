package dev.qmark.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small S3 on 127.0.0.1 for the SDK's S3Client: the CreateBucket, PutObject and GetObject Qmark
 * makes, path-style, with the SDK's default aws-chunked uploads and checksums understood and checked.
 * In memory, or written through to a directory so objects survive a restart.
 *
 * <p>Clients need only {@code endpointOverride(endpoint())}: with an IP address for host the SDK
 * addresses buckets path-style by itself ({@code http://127.0.0.1:port/bucket/key}).
 */
public final class S3StandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3StandIn.class);

    private final S3Store store;
    private final LocalHttpServer server;

    private S3StandIn(S3Store store, LocalHttpServer server) {
        this.store = store;
        this.server = server;
    }

    /** An in-memory S3 on {@code port} (0: any free port). */
    public static S3StandIn startInMemory(int port) {
        return start(null, port);
    }

    /**
     * Starts the stand-in on {@code port} (0: any free port).
     *
     * @param dataDirectory where buckets and objects are kept and reloaded from; null for memory only
     */
    public static S3StandIn start(Path dataDirectory, int port) {
        S3Store store = new S3Store(dataDirectory);
        LocalHttpServer server = LocalHttpServer.start("S3 stand-in", port, new S3Api(store));
        LOG.info("S3 stand-in on {} ({})", server.endpoint(), dataDirectory == null ? "in memory" : dataDirectory);
        return new S3StandIn(store, server);
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Creates a bucket unless it exists, as CreateBucket does in us-east-1. */
    public void createBucket(String bucket) {
        store.createBucket(bucket);
    }

    /** Stores an object (creating its bucket if needed), as a PutObject without headers would. */
    public void put(String bucket, String key, byte[] data) {
        store.createBucket(bucket);
        store.put(bucket, S3Object.of(key, data.clone(), "binary/octet-stream"));
    }

    /** An object's bytes, or empty when the bucket or key does not exist. */
    public Optional<byte[]> get(String bucket, String key) {
        return store.get(bucket, key).map(object -> object.data().clone());
    }

    /** Stops listening; stored objects stay in the directory, if there is one. */
    @Override
    public void close() {
        server.close();
    }
}
