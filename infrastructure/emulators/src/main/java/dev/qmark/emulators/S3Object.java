package dev.qmark.emulators;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * One stored object, immutable: a PUT replaces it whole, as on S3. The checksums are those recorded
 * at upload and answered as they are, so the SDK notices bytes that changed since.
 *
 * @param key         the key, decoded
 * @param data        the content, never aws-chunked
 * @param contentType as given on upload, or binary/octet-stream as S3 defaults it
 * @param etag        quoted hex MD5 of the content, as S3 gives for a single-part upload
 * @param crc32       base64 of the big-endian CRC32, the SDK's default flexible checksum
 */
record S3Object(String key, byte[] data, String contentType, String etag, String crc32) {

    static S3Object of(String key, byte[] data, String contentType) {
        return new S3Object(key, data, contentType, etag(data), crc32(data));
    }

    static String crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String etag(byte[] data) {
        try {
            return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
