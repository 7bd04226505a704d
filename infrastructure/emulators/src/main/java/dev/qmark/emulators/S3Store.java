package dev.qmark.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets and objects, always in memory; with a directory, also written through to disk and read
 * back at start, so a restarted local system still has its attachments.
 *
 * <p>On disk: {@code <dir>/<bucket>/} per bucket; per object a {@code <sha256(key)>.bin} with the bytes
 * and a {@code .json} with the key and metadata (keys may be 1024 bytes of anything: unfit for file names).
 */
final class S3Store {

    private static final Logger LOG = LoggerFactory.getLogger(S3Store.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** S3's rules for new buckets, simplified: 3-63 of lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /**
     * S3 lists keys in UTF-8 byte order. Comparing code points gives that order; String.compareTo
     * (UTF-16 units) would not for characters beyond the BMP.
     */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final Path directory;
    private final Map<String, NavigableMap<String, S3Object>> buckets = new ConcurrentSkipListMap<>();

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

    List<String> bucketNames() {
        return List.copyOf(buckets.keySet());
    }

    /** Creates the bucket unless it exists; true if it was created. */
    synchronized boolean createBucket(String bucket) {
        if (!isValidBucketName(bucket)) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        if (buckets.containsKey(bucket)) {
            return false;
        }
        if (directory != null) {
            io(() -> Files.createDirectories(directory.resolve(bucket)));
        }
        buckets.put(bucket, new ConcurrentSkipListMap<>(KEY_ORDER));
        return true;
    }

    /** Deletes an empty bucket; false if it has objects. */
    synchronized boolean deleteBucket(String bucket) {
        NavigableMap<String, S3Object> objects = buckets.get(bucket);
        if (objects == null) {
            return true;
        }
        if (!objects.isEmpty()) {
            return false;
        }
        if (directory != null) {
            io(() -> deleteTree(directory.resolve(bucket)));
        }
        buckets.remove(bucket);
        return true;
    }

    /** The bucket's objects in key order, or null when there is no such bucket. Live view: do not modify. */
    NavigableMap<String, S3Object> objects(String bucket) {
        return buckets.get(bucket);
    }

    Optional<S3Object> get(String bucket, String key) {
        NavigableMap<String, S3Object> objects = buckets.get(bucket);
        return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    /** Stores the object; the bucket must exist. */
    synchronized void put(String bucket, S3Object object) {
        NavigableMap<String, S3Object> objects = buckets.get(bucket);
        if (objects == null) {
            throw new IllegalStateException("no bucket " + bucket);
        }
        if (directory != null) {
            io(() -> write(bucket, object));
        }
        objects.put(object.key(), object);
    }

    synchronized void delete(String bucket, String key) {
        NavigableMap<String, S3Object> objects = buckets.get(bucket);
        if (objects == null || objects.remove(key) == null || directory == null) {
            return;
        }
        String name = fileName(key);
        io(() -> {
            Files.deleteIfExists(directory.resolve(bucket).resolve(name + ".json"));
            Files.deleteIfExists(directory.resolve(bucket).resolve(name + ".bin"));
        });
    }

    private void write(String bucket, S3Object object) throws IOException {
        Path dir = directory.resolve(bucket);
        String name = fileName(object.key());
        ObjectNode meta = JSON.createObjectNode()
                .put("key", object.key())
                .put("contentType", object.contentType())
                .put("contentEncoding", object.contentEncoding())
                .put("etag", object.etag())
                .put("lastModified", object.lastModified().toString())
                .put("checksumAlgorithm", object.checksum().algorithm())
                .put("checksum", object.checksum().value());
        meta.set("metadata", JSON.valueToTree(object.metadata()));
        // Bytes first, metadata last: an object is only loaded when its metadata is there.
        AtomicFiles.write(dir.resolve(name + ".bin"), object.data());
        AtomicFiles.write(dir.resolve(name + ".json"), JSON.writeValueAsBytes(meta));
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
                    NavigableMap<String, S3Object> objects = new ConcurrentSkipListMap<>(KEY_ORDER);
                    try (DirectoryStream<Path> metas = Files.newDirectoryStream(bucketDir, "*.json")) {
                        for (Path meta : metas) {
                            S3Object object = read(meta);
                            if (object != null) {
                                objects.put(object.key(), object);
                            }
                        }
                    }
                    buckets.put(bucket, objects);
                }
            }
        });
        LOG.debug("S3 store loaded {} bucket(s) from {}", buckets.size(), directory);
    }

    private static S3Object read(Path metaFile) throws IOException {
        String name = metaFile.getFileName().toString();
        Path dataFile = metaFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".bin");
        if (!Files.exists(dataFile)) {
            LOG.warn("S3 store: {} has no data file, skipped", metaFile);
            return null;
        }
        JsonNode meta = JSON.readTree(metaFile.toFile());
        Map<String, String> metadata = new LinkedHashMap<>();
        meta.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new S3Object(
                meta.path("key").asText(),
                Files.readAllBytes(dataFile),
                meta.path("contentType").asText(),
                meta.path("contentEncoding").asText(null),
                meta.path("etag").asText(),
                Instant.parse(meta.path("lastModified").asText()),
                new S3Checksum(meta.path("checksumAlgorithm").asText(), meta.path("checksum").asText()),
                metadata);
    }

    private static String fileName(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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
