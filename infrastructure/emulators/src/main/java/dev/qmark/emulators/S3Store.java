package dev.qmark.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets and objects, always in memory; with a directory, also written through to disk and read
 * back at start, so a restarted local system still has the mails it received.
 *
 * <p>On disk: {@code <dir>/<bucket>/} per bucket; per object a {@code <sha256(key)>.bin} with the bytes
 * and a {@code .json} with the key, content type and checksums (keys may be 1024 bytes of anything:
 * unfit for file names).
 */
final class S3Store {

    private static final Logger LOG = LoggerFactory.getLogger(S3Store.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** S3's rules for new buckets, simplified: 3-63 of lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path directory;
    private final Map<String, Map<String, S3Object>> buckets = new ConcurrentHashMap<>();

    S3Store(Path directory) {
        this.directory = directory;
        if (directory != null) {
            load();
        }
    }

    static boolean isValidBucketName(String name) {
        return BUCKET_NAME.matcher(name).matches() && !name.contains("..");
    }

    boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    /** Creates the bucket unless it exists. */
    synchronized void createBucket(String bucket) {
        if (!isValidBucketName(bucket)) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        if (!buckets.containsKey(bucket)) {
            if (directory != null) {
                io(() -> Files.createDirectories(directory.resolve(bucket)));
            }
            buckets.put(bucket, new ConcurrentHashMap<>());
        }
    }

    Optional<S3Object> get(String bucket, String key) {
        Map<String, S3Object> objects = buckets.get(bucket);
        return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    /** Stores the object; the bucket must exist. */
    synchronized void put(String bucket, S3Object object) {
        Map<String, S3Object> objects = buckets.get(bucket);
        if (objects == null) {
            throw new IllegalStateException("no bucket " + bucket);
        }
        if (directory != null) {
            io(() -> write(directory.resolve(bucket), object));
        }
        objects.put(object.key(), object);
    }

    private static void write(Path dir, S3Object object) throws IOException {
        String name = fileName(object.key());
        byte[] meta = JSON.writeValueAsBytes(Map.of("key", object.key(), "contentType", object.contentType(),
                "etag", object.etag(), "crc32", object.crc32()));
        // Bytes first, metadata last: an object is only loaded when its metadata is there.
        AtomicFiles.write(dir.resolve(name + ".bin"), object.data());
        AtomicFiles.write(dir.resolve(name + ".json"), meta);
    }

    private void load() {
        io(() -> {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> bucketDirs = Files.newDirectoryStream(directory, Files::isDirectory)) {
                for (Path bucketDir : bucketDirs) {
                    String bucket = bucketDir.getFileName().toString();
                    if (!isValidBucketName(bucket)) {
                        continue;
                    }
                    Map<String, S3Object> objects = new ConcurrentHashMap<>();
                    try (DirectoryStream<Path> metas = Files.newDirectoryStream(bucketDir, "*.json")) {
                        for (Path meta : metas) {
                            read(meta).ifPresent(object -> objects.put(object.key(), object));
                        }
                    }
                    buckets.put(bucket, objects);
                }
            }
        });
        LOG.debug("S3 store loaded {} bucket(s) from {}", buckets.size(), directory);
    }

    private static Optional<S3Object> read(Path metaFile) throws IOException {
        String name = metaFile.getFileName().toString();
        Path dataFile = metaFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".bin");
        if (!Files.exists(dataFile)) {
            LOG.warn("S3 store: {} has no data file, skipped", metaFile);
            return Optional.empty();
        }
        JsonNode meta = JSON.readTree(metaFile.toFile());
        return Optional.of(new S3Object(meta.path("key").asText(), Files.readAllBytes(dataFile),
                meta.path("contentType").asText(), meta.path("etag").asText(), meta.path("crc32").asText()));
    }

    private static String fileName(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
