package dev.qmark.emulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ListObjectsV2: prefix, delimiter (common prefixes), max-keys with continuation tokens, start-after,
 * and encoding-type=url, which the SDK always asks for and decodes again.
 */
final class S3Listing {

    private S3Listing() {
    }

    static void listObjectsV2(HttpExchange exchange, String bucket, NavigableMap<String, S3Object> objects,
            Map<String, String> query) throws IOException, S3Error {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
        int maxKeys = maxKeys(query.get("max-keys"));
        String token = query.get("continuation-token");
        String startAfter = query.get("start-after");
        // The SDK asks for encoding-type=url and decodes the keys again (URLDecoder: '+' is a space).
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        String after = token != null ? decodeToken(token) : startAfter;

        NavigableMap<String, S3Object> view = objects;
        if (after != null && !after.isEmpty()) {
            view = view.tailMap(after, false);
        }
        if (!prefix.isEmpty()) {
            view = view.tailMap(prefix, true);
        }
        List<S3Object> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        // A continuation token may name a common prefix already returned: do not return it again.
        String lastPrefix = after;
        String last = null;
        boolean truncated = false;
        // max-keys=0 asks for no keys: S3 answers an empty page that is not truncated (KeyCount is at
        // most MaxKeys, and there is no last key to continue from). Found by comparing with moto.
        for (S3Object object : maxKeys == 0 ? List.<S3Object>of() : view.values()) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                break; // keys are sorted: past the prefix's range
            }
            String common = null;
            if (delimiter != null) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    common = key.substring(0, at + delimiter.length());
                }
            }
            if (common != null && common.equals(lastPrefix)) {
                continue;
            }
            if (contents.size() + commonPrefixes.size() >= maxKeys) {
                truncated = true;
                break;
            }
            if (common != null) {
                commonPrefixes.add(common);
                lastPrefix = common;
                last = common;
            } else {
                contents.add(object);
                last = key;
            }
        }

        S3Xml xml = S3Xml.document().openWithNamespace("ListBucketResult")
                .element("Name", bucket)
                .element("Prefix", encode(prefix, urlEncoded))
                .element("Delimiter", delimiter == null ? null : encode(delimiter, urlEncoded))
                .element("MaxKeys", maxKeys)
                .element("KeyCount", contents.size() + commonPrefixes.size())
                .element("IsTruncated", truncated)
                .element("ContinuationToken", token)
                .element("NextContinuationToken", truncated ? encodeToken(last) : null)
                .element("StartAfter", startAfter == null ? null : encode(startAfter, urlEncoded))
                .element("EncodingType", urlEncoded ? "url" : null);
        for (S3Object object : contents) {
            xml.open("Contents")
                    .element("Key", encode(object.key(), urlEncoded))
                    .element("LastModified", S3Xml.isoDate(object.lastModified()))
                    .element("ETag", object.etag())
                    .element("ChecksumAlgorithm", object.checksum().algorithm())
                    .element("ChecksumType", "FULL_OBJECT")
                    .element("Size", object.data().length)
                    .element("StorageClass", "STANDARD")
                    .close("Contents");
        }
        for (String common : commonPrefixes) {
            xml.open("CommonPrefixes").element("Prefix", encode(common, urlEncoded)).close("CommonPrefixes");
        }
        xml.close("ListBucketResult");
        HttpRequests.send(exchange, 200, "application/xml", xml.toBytes());
    }

    private static int maxKeys(String value) throws S3Error {
        if (value == null) {
            return 1000;
        }
        try {
            int maxKeys = Integer.parseInt(value);
            if (maxKeys < 0) {
                throw new NumberFormatException();
            }
            return Math.min(maxKeys, 1000);
        } catch (NumberFormatException e) {
            throw new S3Error(400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
        }
    }

    private static String encode(String value, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
    }

    private static String encodeToken(String lastReturned) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastReturned.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) throws S3Error {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Error(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
    }
}
