package dev.qmark.emulators;

/** An S3 error answer: the HTTP status and S3 code (NoSuchKey, BadDigest, ...) of an XML error body. */
final class S3Error extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    S3Error(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
