package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An S3 event notification (ObjectCreated), as Lambda receives it. */
public record S3Event(@JsonProperty("Records") List<Record> records) {

    public record Record(String eventSource, String eventName, S3 s3) {
    }

    public record S3(Bucket bucket, S3Object object) {
    }

    public record Bucket(String name) {
    }

    public record S3Object(String key, Long size) {
        /** S3 URL-encodes keys in notifications, with '+' for spaces. */
        public String decodedKey() {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        }
    }
}
