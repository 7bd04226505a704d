package dev.qmark.emulators;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A flexible checksum as S3 speaks it: an algorithm name and the base64 of the big-endian value.
 * The SDK sends one with every upload (CRC32 by default since 2.30) and, when asked for
 * {@code x-amz-checksum-mode: ENABLED}, checks the one we return against the bytes it reads.
 */
record S3Checksum(String algorithm, String value) {

    /** The header (and trailer) that carries a checksum of this algorithm. */
    String headerName() {
        return headerName(algorithm);
    }

    static String headerName(String algorithm) {
        return "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
    }

    /** CRC32 of the data: what we return for objects uploaded without a checksum. */
    static S3Checksum crc32(byte[] data) {
        return new S3Checksum("CRC32", compute("CRC32", data));
    }

    /**
     * The base64 checksum of {@code data}, or null for an algorithm we cannot compute here
     * (CRC64NVME needs the SDK's CRT library; such values are stored unchecked).
     */
    static String compute(String algorithm, byte[] data) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "CRC32" -> crc(new CRC32(), data);
            case "CRC32C" -> crc(new CRC32C(), data);
            case "SHA1" -> digest("SHA-1", data);
            case "SHA256" -> digest("SHA-256", data);
            default -> null;
        };
    }

    static String md5Base64(byte[] data) {
        return Base64.getEncoder().encodeToString(md5(data));
    }

    /** The ETag S3 gives a single-part upload: the hex MD5, quoted. */
    static String etag(byte[] data) {
        return '"' + HexFormat.of().formatHex(md5(data)) + '"';
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc(Checksum crc, byte[] data) {
        crc.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String digest(String name, byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(name).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
