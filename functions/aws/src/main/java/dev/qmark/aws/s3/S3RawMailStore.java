package dev.qmark.aws.s3;

import dev.qmark.core.ports.RawMailStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Raw received mail in S3, where SES's receipt rule (or the local SMTP listener) put it. */
public final class S3RawMailStore implements RawMailStore {

    private final S3Client s3;

    public S3RawMailStore(S3Client s3) {
        this.s3 = s3;
    }

    public static String location(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public byte[] read(String location) {
        if (!location.startsWith("s3://") || location.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("not an s3:// location: " + location);
        }
        int slash = location.indexOf('/', 5);
        String bucket = location.substring(5, slash);
        String key = location.substring(slash + 1);
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /**
     * SnapStart priming: a read of {@code location}, where nothing is stored (S3 answers NoSuchKey:
     * the client, its connection and its error path load), and the type a found mail is read into,
     * initialised (its fields are about 90 classes a restored container's first read loaded).
     */
    public void prime(String location) {
        try {
            read(location);
        } catch (S3Exception nothingThere) {
            // expected: the read is for its classes and connection, not for a mail
        }
        GetObjectResponse.builder().build();
    }
}
