package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3StandInTest {

    private static S3StandIn s3;
    private static S3Client client;
    /** What the SDK really put on the wire, to show which of its defaults the stand-in must meet. */
    private static final List<SdkHttpRequest> SENT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        s3 = S3StandIn.startInMemory(0);
        client = s3Client(s3.endpoint());
        client.createBucket(b -> b.bucket("attachments"));
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
    }

    /**
     * Defaults only, as the functions build it: no forcePathStyle. With an IP address for host the
     * SDK's endpoint rules choose path-style themselves, which {@link #addressesBucketsPathStyle} checks.
     */
    static S3Client s3Client(URI endpoint) {
        return Sdk.client(S3Client.builder().overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                SENT.add(context.httpRequest());
            }
        })), endpoint);
    }

    @Test
    void addressesBucketsPathStyle() {
        SENT.clear();
        client.putObject(b -> b.bucket("attachments").key("path/style.txt"), RequestBody.fromString("x"));
        SdkHttpRequest sent = SENT.get(SENT.size() - 1);
        assertEquals("127.0.0.1", sent.host());
        assertEquals("/attachments/path/style.txt", sent.encodedPath());
    }

    @Test
    void putGetHeadRoundTripWithTheSdksDefaultChecksums() {
        byte[] data = new byte[300_000]; // several aws-chunked chunks
        new Random(7).nextBytes(data);
        SENT.clear();
        PutObjectResponse put = client.putObject(b -> b.bucket("attachments").key("thread-1/photo.jpg")
                .contentType("image/jpeg").metadata(Map.of("thread", "1")), RequestBody.fromBytes(data));

        // What SDK 2.54 sends by default over plain http: a signed aws-chunked body with a CRC32 trailer.
        SdkHttpRequest sent = SENT.get(SENT.size() - 1);
        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        assertEquals("x-amz-checksum-crc32", sent.firstMatchingHeader("x-amz-trailer").orElseThrow());
        assertEquals(Integer.toString(data.length), sent.firstMatchingHeader("x-amz-decoded-content-length").orElseThrow());
        assertTrue(sent.firstMatchingHeader("Content-Encoding").orElseThrow().contains("aws-chunked"));

        assertNotNull(put.eTag());
        assertNotNull(put.checksumCRC32());

        // A plain GetObject (2.54 defaults) asks for S3's MD5 trailer and checks it; the flexible
        // checksum comes back only when the caller sets checksumMode(ENABLED).
        ResponseBytes<GetObjectResponse> got = client.getObjectAsBytes(b -> b.bucket("attachments").key("thread-1/photo.jpg"));
        SdkHttpRequest get = SENT.get(SENT.size() - 1);
        assertEquals("append-md5", get.firstMatchingHeader("x-amz-te").orElseThrow());
        assertFalse(get.firstMatchingHeader("x-amz-checksum-mode").isPresent());
        assertArrayEquals(data, got.asByteArray());
        assertEquals("image/jpeg", got.response().contentType());
        assertEquals(data.length, got.response().contentLength(), "the SDK subtracts the 16 MD5 bytes");
        assertEquals(put.eTag(), got.response().eTag());
        assertEquals("1", got.response().metadata().get("thread"));
        assertNotNull(got.response().lastModified());

        ResponseBytes<GetObjectResponse> checked = client.getObjectAsBytes(b -> b.bucket("attachments")
                .key("thread-1/photo.jpg").checksumMode(ChecksumMode.ENABLED));
        assertArrayEquals(data, checked.asByteArray());
        assertEquals(put.checksumCRC32(), checked.response().checksumCRC32());
        assertEquals(data.length, checked.response().contentLength());

        HeadObjectResponse head = client.headObject(b -> b.bucket("attachments").key("thread-1/photo.jpg"));
        assertEquals(data.length, head.contentLength());
        assertEquals(put.eTag(), head.eTag());
        assertEquals("image/jpeg", head.contentType());

        assertArrayEquals(data, s3.get("attachments", "thread-1/photo.jpg").orElseThrow());
    }

    @Test
    void keepsEmptyObjectsAndOddKeys() {
        String key = "odd/스레드 1/a+b=c&d.txt";
        client.putObject(b -> b.bucket("attachments").key(key), RequestBody.fromString("? 배송이 늦어요", StandardCharsets.UTF_8));
        assertEquals("? 배송이 늦어요", client.getObjectAsBytes(b -> b.bucket("attachments").key(key)).asUtf8String());
        assertTrue(client.listObjectsV2(b -> b.bucket("attachments").prefix("odd/")).contents().stream()
                .anyMatch(o -> o.key().equals(key)), "keys come back decoded from encoding-type=url");

        client.putObject(b -> b.bucket("attachments").key("empty"), RequestBody.empty());
        ResponseBytes<GetObjectResponse> empty = client.getObjectAsBytes(b -> b.bucket("attachments").key("empty"));
        assertEquals(0, empty.asByteArray().length);
        assertEquals(0L, empty.response().contentLength());
    }

    @Test
    void servesRanges() {
        client.putObject(b -> b.bucket("attachments").key("range.txt"), RequestBody.fromString("0123456789"));
        ResponseBytes<GetObjectResponse> part = client.getObjectAsBytes(b -> b.bucket("attachments").key("range.txt").range("bytes=2-4"));
        assertEquals("234", part.asUtf8String());
        assertEquals("bytes 2-4/10", part.response().contentRange());
    }

    @Test
    void listsWithPrefixDelimiterAndPages() {
        client.createBucket(b -> b.bucket("listing"));
        for (String key : List.of("a/1", "a/2", "b/1", "b/2/x", "c", "d", "e")) {
            client.putObject(b -> b.bucket("listing").key(key), RequestBody.fromString(key));
        }
        ListObjectsV2Response folders = client.listObjectsV2(b -> b.bucket("listing").delimiter("/"));
        assertEquals(List.of("a/", "b/"), folders.commonPrefixes().stream().map(p -> p.prefix()).toList());
        assertEquals(List.of("c", "d", "e"), folders.contents().stream().map(S3Object::key).toList());

        ListObjectsV2Response b = client.listObjectsV2(r -> r.bucket("listing").prefix("b/"));
        assertEquals(List.of("b/1", "b/2/x"), b.contents().stream().map(S3Object::key).toList());
        assertEquals(3L, b.contents().get(0).size());

        List<String> paged = client.listObjectsV2Paginator(r -> r.bucket("listing").maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertEquals(List.of("a/1", "a/2", "b/1", "b/2/x", "c", "d", "e"), paged);

        List<String> pagedFolders = client.listObjectsV2Paginator(r -> r.bucket("listing").delimiter("/").maxKeys(1))
                .stream().flatMap(page -> java.util.stream.Stream.concat(
                        page.commonPrefixes().stream().map(p -> p.prefix()), page.contents().stream().map(S3Object::key)))
                .toList();
        assertEquals(List.of("a/", "b/", "c", "d", "e"), pagedFolders);

        // as S3 (and moto) answer max-keys=0: no keys, not truncated, nothing to continue from
        ListObjectsV2Response none = client.listObjectsV2(r -> r.bucket("listing").maxKeys(0));
        assertEquals(0, none.keyCount());
        assertEquals(List.of(), none.contents());
        assertEquals(false, none.isTruncated());
        assertEquals(null, none.nextContinuationToken());
    }

    @Test
    void answersMissingKeysAndBucketsLikeS3() throws Exception {
        NoSuchKeyException noKey = assertThrows(NoSuchKeyException.class,
                () -> client.getObject(b -> b.bucket("attachments").key("nope")));
        assertEquals(404, noKey.statusCode());
        assertEquals("NoSuchKey", noKey.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> client.headObject(b -> b.bucket("attachments").key("nope")));
        assertThrows(NoSuchBucketException.class, () -> client.getObject(b -> b.bucket("no-such-bucket").key("k")));
        assertThrows(NoSuchBucketException.class, () -> client.headBucket(b -> b.bucket("no-such-bucket")));
        client.headBucket(b -> b.bucket("attachments"));

        HttpResponse<String> raw = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(s3.endpoint() + "/attachments/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, raw.statusCode());
        assertEquals("application/xml", raw.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(raw.body().contains("<Error><Code>NoSuchKey</Code>"), raw.body());

        client.deleteObject(b -> b.bucket("attachments").key("nope")); // deleting nothing succeeds, as on S3
    }

    @Test
    void refusesAChunkedUploadWhoseTrailerChecksumIsWrong() throws Exception {
        String body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(s3.endpoint() + "/attachments/bad"))
                        .header("Content-Encoding", "aws-chunked")
                        .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                        .header("x-amz-trailer", "x-amz-checksum-crc32")
                        .header("x-amz-decoded-content-length", "5")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>BadDigest</Code>"), response.body());
        assertFalse(s3.get("attachments", "bad").isPresent());

        String good = body.replace("AAAAAA==", "NhCmhg==");
        HttpResponse<String> ok = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(s3.endpoint() + "/attachments/good"))
                        .header("Content-Encoding", "aws-chunked")
                        .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                        .PUT(HttpRequest.BodyPublishers.ofString(good)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("hello", new String(s3.get("attachments", "good").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void keepsObjectsInItsDirectoryAndTheSdkNoticesABitFlip(@TempDir Path dir) throws Exception {
        try (S3StandIn first = S3StandIn.start(dir, 0); S3Client c = s3Client(first.endpoint())) {
            c.createBucket(b -> b.bucket("kept"));
            c.putObject(b -> b.bucket("kept").key("mail/1.eml"), RequestBody.fromString("Subject: hi\r\n\r\nbody"));
            first.put("kept", "java-api", new byte[] {1, 2, 3});
        }
        try (S3StandIn second = S3StandIn.start(dir, 0); S3Client c = s3Client(second.endpoint())) {
            assertEquals("Subject: hi\r\n\r\nbody", c.getObjectAsBytes(b -> b.bucket("kept").key("mail/1.eml")).asUtf8String());
            assertArrayEquals(new byte[] {1, 2, 3}, c.getObjectAsBytes(b -> b.bucket("kept").key("java-api")).asByteArray());
            assertEquals(List.of("java-api", "mail/1.eml"), second.keys("kept"));
        }
        // Corrupt the stored bytes: the CRC32 we return no longer matches and the SDK must refuse them.
        try (var files = Files.list(dir.resolve("kept"))) {
            for (Path bin : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                byte[] bytes = Files.readAllBytes(bin);
                bytes[0] ^= 1;
                Files.write(bin, bytes);
            }
        }
        try (S3StandIn third = S3StandIn.start(dir, 0); S3Client c = s3Client(third.endpoint())) {
            SdkClientException md5 = assertThrows(SdkClientException.class,
                    () -> c.getObjectAsBytes(b -> b.bucket("kept").key("mail/1.eml")));
            assertTrue(md5.getMessage().contains("different checksum"), md5.getMessage());
            SdkClientException crc32 = assertThrows(SdkClientException.class,
                    () -> c.getObjectAsBytes(b -> b.bucket("kept").key("mail/1.eml").checksumMode(ChecksumMode.ENABLED)));
            assertTrue(crc32.getMessage().toLowerCase().contains("checksum"), crc32.getMessage());
        }
    }

    @Test
    void refusesUnsupportedOperationsLoudly() {
        S3Exception e = assertThrows(S3Exception.class, () -> client.getObjectAcl(b -> b.bucket("attachments").key("x")));
        assertEquals(501, e.statusCode());
    }
}
