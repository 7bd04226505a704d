package dev.qmark.emulators;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The three S3 calls Qmark makes, path-style ({@code /bucket/key}): CreateBucket (the local stack's
 * mail bucket), PutObject (SES receiving stores a mail) and GetObject (mail-intake reads it), with
 * what the SDK adds to them by default: aws-chunked uploads with a CRC32 trailer, and the MD5 it asks
 * S3 to append to a download. Anything else answers 501 NotImplemented, so a new call shows up at
 * once instead of misbehaving quietly.
 */
final class S3Api implements HttpHandler {

    /** Everything is held in memory; an upload larger than this is refused. */
    static final long MAX_OBJECT_BYTES = 256L * 1024 * 1024;

    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final String CRC32_HEADER = "x-amz-checksum-crc32";

    private final S3Store store;

    S3Api(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        exchange.getResponseHeaders().set("x-amz-request-id", requestId);
        try {
            route(exchange);
        } catch (S3Error e) {
            // Whatever of the body is unread would otherwise be taken for the next request.
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            HttpRequests.send(exchange, e.status, "application/xml", e.toXml(requestId));
        }
    }

    private void route(HttpExchange exchange) throws IOException, S3Error {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath().substring(1);
        int slash = path.indexOf('/');
        String bucket = HttpRequests.decodePath(slash < 0 ? path : path.substring(0, slash));
        String key = slash < 0 ? "" : HttpRequests.decodePath(path.substring(slash + 1));
        // The SDK names the operation in ?x-id=...; any other parameter is a call we do not make.
        String query = exchange.getRequestURI().getRawQuery();
        boolean plain = query == null || query.matches("x-id=[A-Za-z]+");
        if (plain && !bucket.isEmpty() && key.isEmpty() && method.equals("PUT")) {
            createBucket(exchange, bucket);
        } else if (plain && !key.isEmpty() && method.equals("PUT")
                && !exchange.getRequestHeaders().containsKey("x-amz-copy-source")) {
            putObject(exchange, bucket, key);
        } else if (plain && !key.isEmpty() && method.equals("GET") && !exchange.getRequestHeaders().containsKey("Range")) {
            getObject(exchange, bucket, key);
        } else {
            throw new S3Error(501, "NotImplemented", "The Qmark S3 stand-in does not implement "
                    + method + " " + exchange.getRequestURI() + ": only CreateBucket, PutObject and GetObject");
        }
    }

    private void createBucket(HttpExchange exchange, String bucket) throws IOException, S3Error {
        // The body may hold a CreateBucketConfiguration; the region in it does not matter here.
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        if (!S3Store.isValidBucketName(bucket)) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        // Creating a bucket you already own answers 200 in us-east-1 (409 elsewhere): restarts stay simple.
        store.createBucket(bucket);
        exchange.getResponseHeaders().set("Location", "/" + bucket);
        HttpRequests.send(exchange, 200, null, new byte[0]);
    }

    private void putObject(HttpExchange exchange, String bucket, String key) throws IOException, S3Error {
        requireBucket(bucket);
        Headers headers = exchange.getRequestHeaders();
        AwsChunkedBody.Decoded body = body(exchange);
        List<String> checksums = new ArrayList<>(body.trailers().keySet());
        headers.keySet().forEach(name -> checksums.add(name.toLowerCase(Locale.ROOT)));
        checksums.add(String.valueOf(headers.getFirst("x-amz-trailer")).trim().toLowerCase(Locale.ROOT));
        for (String name : checksums) {
            if (name.startsWith("x-amz-checksum-") && !name.equals(CRC32_HEADER) && !name.equals("x-amz-checksum-algorithm")) {
                throw new S3Error(501, "NotImplemented", "Only CRC32 checksums (the SDK's default) are checked here, not " + name);
            }
        }
        String crc32 = S3Object.crc32(body.data());
        String given = body.trailers().getOrDefault(CRC32_HEADER, headers.getFirst(CRC32_HEADER));
        if (given == null && CRC32_HEADER.equalsIgnoreCase(String.valueOf(headers.getFirst("x-amz-trailer")).trim())) {
            throw new S3Error(400, "InvalidRequest", "The trailer " + CRC32_HEADER + " was announced but not sent.");
        }
        if (given != null && !given.trim().equals(crc32)) {
            throw new S3Error(400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
        }
        String contentType = headers.getFirst("Content-Type");
        S3Object object = S3Object.of(key, body.data(),
                contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType);
        store.put(bucket, object);
        exchange.getResponseHeaders().set("ETag", object.etag());
        exchange.getResponseHeaders().set(CRC32_HEADER, object.crc32());
        HttpRequests.send(exchange, 200, null, new byte[0]);
    }

    /** The uploaded bytes: aws-chunked (the SDK's default) decoded with its trailers, or as sent. */
    private static AwsChunkedBody.Decoded body(HttpExchange exchange) throws IOException, S3Error {
        Headers headers = exchange.getRequestHeaders();
        if (!AwsChunkedBody.isAwsChunked(headers.getFirst("Content-Encoding"), headers.getFirst("x-amz-content-sha256"))) {
            byte[] data = HttpRequests.readBody(exchange, MAX_OBJECT_BYTES);
            if (data == null) {
                throw new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
            return new AwsChunkedBody.Decoded(data, java.util.Map.of());
        }
        AwsChunkedBody.Decoded decoded;
        try {
            decoded = AwsChunkedBody.decode(exchange.getRequestBody(), MAX_OBJECT_BYTES);
        } catch (AwsChunkedBody.MalformedException e) {
            throw new S3Error(400, "IncompleteBody", "The aws-chunked body is not valid: " + e.getMessage());
        }
        String decodedLength = headers.getFirst("x-amz-decoded-content-length");
        if (decodedLength != null && !decodedLength.trim().equals(Integer.toString(decoded.data().length))) {
            throw new S3Error(400, "IncompleteBody", "You did not provide the number of bytes specified by "
                    + "x-amz-decoded-content-length (" + decodedLength + "); got " + decoded.data().length);
        }
        return decoded;
    }

    private void getObject(HttpExchange exchange, String bucket, String key) throws IOException, S3Error {
        requireBucket(bucket);
        S3Object object = store.get(bucket, key)
                .orElseThrow(() -> new S3Error(404, "NoSuchKey", "The specified key does not exist."));
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        response.set("Content-Type", object.contentType());
        response.set("ETag", object.etag());
        // The SDK asks for the flexible checksum only when the caller sets checksumMode(ENABLED).
        if ("ENABLED".equalsIgnoreCase(request.getFirst("x-amz-checksum-mode"))) {
            response.set(CRC32_HEADER, object.crc32());
            response.set("x-amz-checksum-type", "FULL_OBJECT");
        }
        byte[] data = object.data();
        // By default (2.54, WHEN_SUPPORTED) a GetObject sends x-amz-te: append-md5 and checks the
        // 16 raw MD5 bytes S3 appends: the MD5 recorded at upload (the ETag), not one of the bytes now.
        byte[] md5 = new byte[0];
        if ("append-md5".equalsIgnoreCase(request.getFirst("x-amz-te"))) {
            md5 = HexFormat.of().parseHex(object.etag().replace("\"", ""));
            response.set("x-amz-transfer-encoding", "append-md5");
        }
        int length = data.length + md5.length;
        exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
        exchange.getResponseBody().write(data);
        exchange.getResponseBody().write(md5);
    }

    private void requireBucket(String bucket) throws S3Error {
        if (!store.bucketExists(bucket)) {
            throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }
    }
}
