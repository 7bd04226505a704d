package dev.qmark.emulators;

import java.time.Instant;
import java.util.Map;

/**
 * One stored object, immutable: a PUT replaces it whole, as on S3.
 *
 * @param key             the key, decoded
 * @param data            the content, never aws-chunked
 * @param contentType     as given on upload, or binary/octet-stream as S3 defaults it
 * @param contentEncoding the Content-Encoding to answer with (aws-chunked removed), or null
 * @param etag            quoted hex MD5 of the content, as S3 gives for a single-part upload
 * @param lastModified    when it was stored, to the millisecond
 * @param checksum        the full-object checksum to return: algorithm (CRC32, SHA256, ...) and base64 value
 * @param metadata        user metadata, names without the x-amz-meta- prefix, lower-cased
 */
record S3Object(
        String key,
        byte[] data,
        String contentType,
        String contentEncoding,
        String etag,
        Instant lastModified,
        S3Checksum checksum,
        Map<String, String> metadata) {

    S3Object {
        metadata = Map.copyOf(metadata);
    }
}
