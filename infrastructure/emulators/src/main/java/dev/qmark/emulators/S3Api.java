package dev.qmark.emulators;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;

/**
 * The S3 REST API, path-style ({@code /bucket/key}), for the operations Qmark uses: buckets (create,
 * head, delete, ListObjectsV2) and single-part objects (put, get, head, delete). Anything else answers
 * 501 NotImplemented, so a new call shows up at once instead of misbehaving quietly.
 */
final class S3Api implements HttpHandler {

    /** Everything is held in memory; an upload larger than this is refused. */
    static final long MAX_OBJECT_BYTES = 256L * 1024 * 1024;

    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final List<String> CHECKSUM_ALGORITHMS = List.of("CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME");

    /** Sub-resources we do not implement; with one of these in the query a request would be misread. */
    private static final Set<String> UNSUPPORTED_SUBRESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "logging", "metrics", "notification", "object-lock",
            "ownershipControls", "partNumber", "policy", "policyStatus", "publicAccessBlock", "replication",
            "requestPayment", "restore", "retention", "select", "tagging", "torrent", "uploadId", "uploads",
            "versioning", "versionId", "versions", "website");

    private final S3Store store;

    S3Api(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        exchange.getResponseHeaders().set("x-amz-request-id", requestId);
        exchange.getResponseHeaders().set("x-amz-id-2", requestId);
        String path = exchange.getRequestURI().getRawPath();
        try {
            route(exchange, path);
        } catch (S3Error e) {
            // Whatever of the body is unread would otherwise be taken for the next request.
            exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
            HttpRequests.send(exchange, e.status, "application/xml",
                    S3Xml.error(e.code, e.getMessage(), HttpRequests.decodePath(path), requestId));
        }
    }

    private void route(HttpExchange exchange, String rawPath) throws IOException, S3Error {
        String method = exchange.getRequestMethod();
        Map<String, String> query = HttpRequests.query(exchange);
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        String bucket = HttpRequests.decodePath(slash < 0 ? path : path.substring(0, slash));
        String key = slash < 0 ? "" : HttpRequests.decodePath(path.substring(slash + 1));

        for (String param : query.keySet()) {
            if (UNSUPPORTED_SUBRESOURCES.contains(param)) {
                throw notImplemented(method + " ?" + param);
            }
        }
        if (bucket.isEmpty()) {
            if (!method.equals("GET")) {
                throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
            listBuckets(exchange);
            return;
        }
        if (key.isEmpty()) {
            switch (method) {
                case "PUT" -> createBucket(exchange, bucket);
                case "HEAD" -> headBucket(exchange, bucket);
                case "DELETE" -> deleteBucket(exchange, bucket);
                case "GET" -> {
                    if (query.containsKey("location")) {
                        location(exchange, bucket);
                    } else if ("2".equals(query.get("list-type"))) {
                        S3Listing.listObjectsV2(exchange, bucket, requireBucket(bucket), query);
                    } else {
                        throw notImplemented("ListObjects (v1): use ListObjectsV2");
                    }
                }
                default -> throw notImplemented(method + " on a bucket");
            }
            return;
        }
        switch (method) {
            case "PUT" -> {
                if (exchange.getRequestHeaders().containsKey("x-amz-copy-source")) {
                    throw notImplemented("CopyObject");
                }
                putObject(exchange, bucket, key);
            }
            case "GET", "HEAD" -> getObject(exchange, bucket, key);
            case "DELETE" -> deleteObject(exchange, bucket, key);
            default -> throw notImplemented(method + " on an object");
        }
    }

    private void listBuckets(HttpExchange exchange) throws IOException {
        S3Xml xml = S3Xml.document().openWithNamespace("ListAllMyBucketsResult")
                .open("Owner").element("ID", "qmark-local").element("DisplayName", "qmark-local").close("Owner")
                .open("Buckets");
        for (String name : store.bucketNames()) {
            xml.open("Bucket").element("Name", name).element("CreationDate", S3Xml.isoDate(Instant.EPOCH)).close("Bucket");
        }
        xml.close("Buckets").close("ListAllMyBucketsResult");
        HttpRequests.send(exchange, 200, "application/xml", xml.toBytes());
    }

    private void createBucket(HttpExchange exchange, String bucket) throws IOException, S3Error {
        // The body may hold a CreateBucketConfiguration; the region in it does not matter here.
        exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        if (!S3Store.isValidBucketName(bucket)) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        // Creating a bucket you already own answers 200 in us-east-1 (409 elsewhere): restarts stay simple.
        store.createBucket(bucket);
        exchange.getResponseHeaders().set("Location", "/" + bucket);
        HttpRequests.send(exchange, 200, null, new byte[0]);
    }

    private void headBucket(HttpExchange exchange, String bucket) throws IOException, S3Error {
        requireBucket(bucket);
        exchange.getResponseHeaders().set("x-amz-bucket-region", EmbeddedSqs.REGION);
        HttpRequests.send(exchange, 200, null, new byte[0]);
    }

    private void location(HttpExchange exchange, String bucket) throws IOException, S3Error {
        requireBucket(bucket);
        // us-east-1 is the empty LocationConstraint.
        HttpRequests.send(exchange, 200, "application/xml",
                S3Xml.document().openWithNamespace("LocationConstraint").close("LocationConstraint").toBytes());
    }

    private void deleteBucket(HttpExchange exchange, String bucket) throws IOException, S3Error {
        requireBucket(bucket);
        if (!store.deleteBucket(bucket)) {
            throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.");
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void putObject(HttpExchange exchange, String bucket, String key) throws IOException, S3Error {
        requireBucket(bucket);
        Headers headers = exchange.getRequestHeaders();
        String contentEncoding = headers.getFirst("Content-Encoding");
        Map<String, String> trailers = Map.of();
        byte[] data;
        if (AwsChunkedBody.isAwsChunked(contentEncoding, headers.getFirst("x-amz-content-sha256"))) {
            AwsChunkedBody.Decoded decoded;
            try {
                decoded = AwsChunkedBody.decode(exchange.getRequestBody(), MAX_OBJECT_BYTES);
            } catch (AwsChunkedBody.MalformedException e) {
                throw new S3Error(400, "IncompleteBody", "The aws-chunked body is not valid: " + e.getMessage());
            }
            data = decoded.data();
            trailers = decoded.trailers();
            String decodedLength = headers.getFirst("x-amz-decoded-content-length");
            if (decodedLength != null && !decodedLength.trim().equals(Integer.toString(data.length))) {
                throw new S3Error(400, "IncompleteBody", "You did not provide the number of bytes specified by "
                        + "x-amz-decoded-content-length (" + decodedLength + "); got " + data.length);
            }
        } else {
            data = HttpRequests.readBody(exchange, MAX_OBJECT_BYTES);
            if (data == null) {
                throw new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
        }
        S3Checksum checksum = verifiedChecksum(headers, trailers, data);
        String contentMd5 = headers.getFirst("Content-MD5");
        if (contentMd5 != null && !contentMd5.trim().equals(S3Checksum.md5Base64(data))) {
            throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        String contentType = headers.getFirst("Content-Type");
        S3Object object = new S3Object(
                key,
                data,
                contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType,
                AwsChunkedBody.remainingContentEncoding(contentEncoding),
                S3Checksum.etag(data),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                checksum == null ? S3Checksum.crc32(data) : checksum,
                userMetadata(headers));
        store.put(bucket, object);
        Headers response = exchange.getResponseHeaders();
        response.set("ETag", object.etag());
        if (checksum != null) {
            response.set(checksum.headerName(), checksum.value());
            response.set("x-amz-checksum-type", "FULL_OBJECT");
        }
        HttpRequests.send(exchange, 200, null, new byte[0]);
    }

    /**
     * The checksum the client sent, in a header or (aws-chunked) a trailer, checked against the bytes
     * as S3 does; null when it sent none.
     */
    private static S3Checksum verifiedChecksum(Headers headers, Map<String, String> trailers, byte[] data) throws S3Error {
        String announced = headers.getFirst("x-amz-trailer");
        for (String algorithm : CHECKSUM_ALGORITHMS) {
            String name = S3Checksum.headerName(algorithm);
            String value = trailers.containsKey(name) ? trailers.get(name) : headers.getFirst(name);
            if (value == null) {
                if (announced != null && announced.trim().equalsIgnoreCase(name)) {
                    throw new S3Error(400, "InvalidRequest", "The trailer " + name + " was announced but not sent.");
                }
                continue;
            }
            String computed = S3Checksum.compute(algorithm, data);
            if (computed != null && !computed.equals(value.trim())) {
                throw new S3Error(400, "BadDigest", "The " + algorithm + " you specified did not match the calculated checksum.");
            }
            return new S3Checksum(algorithm, value.trim());
        }
        return null;
    }

    private static Map<String, String> userMetadata(Headers headers) {
        Map<String, String> metadata = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-") && !values.isEmpty()) {
                metadata.put(lower.substring("x-amz-meta-".length()), values.get(0));
            }
        });
        return metadata;
    }

    private void getObject(HttpExchange exchange, String bucket, String key) throws IOException, S3Error {
        requireBucket(bucket);
        S3Object object = store.get(bucket, key)
                .orElseThrow(() -> new S3Error(404, "NoSuchKey", "The specified key does not exist."));
        Headers response = exchange.getResponseHeaders();
        response.set("Content-Type", object.contentType());
        response.set("ETag", object.etag());
        response.set("Last-Modified", S3Xml.httpDate(object.lastModified()));
        response.set("Accept-Ranges", "bytes");
        if (object.contentEncoding() != null) {
            response.set("Content-Encoding", object.contentEncoding());
        }
        object.metadata().forEach((name, value) -> response.set("x-amz-meta-" + name, value));

        byte[] data = object.data();
        int from = 0;
        int to = data.length; // exclusive
        int status = 200;
        Headers request = exchange.getRequestHeaders();
        String range = request.getFirst("Range");
        int[] bounds = range == null ? null : parseRange(range, data.length);
        byte[] md5Trailer = null;
        if (bounds != null) {
            from = bounds[0];
            to = bounds[1];
            status = 206;
            response.set("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + data.length);
        } else {
            // Both only for the whole object. The SDK asks for the flexible checksum only when the
            // caller sets checksumMode(ENABLED); by default (2.54, WHEN_SUPPORTED) a GetObject sends
            // x-amz-te: append-md5 instead and checks the 16 raw MD5 bytes S3 appends to the body.
            if ("ENABLED".equalsIgnoreCase(request.getFirst("x-amz-checksum-mode"))) {
                response.set(object.checksum().headerName(), object.checksum().value());
                response.set("x-amz-checksum-type", "FULL_OBJECT");
            }
            if (exchange.getRequestMethod().equals("GET") && "append-md5".equalsIgnoreCase(request.getFirst("x-amz-te"))) {
                // The MD5 recorded at upload (the ETag), not one of the bytes now: that is the point.
                md5Trailer = java.util.HexFormat.of().parseHex(object.etag().replace("\"", ""));
                response.set("x-amz-transfer-encoding", "append-md5");
            }
        }
        int length = to - from;
        if (exchange.getRequestMethod().equals("HEAD")) {
            response.set("Content-Length", Integer.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        int bodyLength = length + (md5Trailer == null ? 0 : md5Trailer.length);
        exchange.sendResponseHeaders(status, bodyLength == 0 ? -1 : bodyLength);
        exchange.getResponseBody().write(data, from, length);
        if (md5Trailer != null) {
            exchange.getResponseBody().write(md5Trailer);
        }
    }

    /**
     * A single "bytes=a-b", "bytes=a-" or "bytes=-n" range as [from, to); null for anything else
     * (S3 then sends the whole object). An unsatisfiable range answers 416.
     */
    private static int[] parseRange(String header, int size) throws S3Error {
        String value = header.trim();
        if (!value.startsWith("bytes=") || value.contains(",")) {
            return null;
        }
        String spec = value.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            long from;
            long to;
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                from = Math.max(0, size - suffix);
                to = size;
            } else {
                from = Long.parseLong(first);
                to = last.isEmpty() ? size : Math.min(size, Long.parseLong(last) + 1);
            }
            if (from >= size || from >= to) {
                throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable");
            }
            return new int[] {(int) from, (int) to};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void deleteObject(HttpExchange exchange, String bucket, String key) throws IOException, S3Error {
        requireBucket(bucket);
        store.delete(bucket, key); // deleting a missing key succeeds, as on S3
        exchange.sendResponseHeaders(204, -1);
    }

    private NavigableMap<String, S3Object> requireBucket(String bucket) throws S3Error {
        NavigableMap<String, S3Object> objects = store.objects(bucket);
        if (objects == null) {
            throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        return objects;
    }

    private static S3Error notImplemented(String what) {
        return new S3Error(501, "NotImplemented", "The Qmark S3 stand-in does not implement " + what);
    }
}
