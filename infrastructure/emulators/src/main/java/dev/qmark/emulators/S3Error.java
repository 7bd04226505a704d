package dev.qmark.emulators;

import java.nio.charset.StandardCharsets;

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

    /** The body S3 answers with; the SDK reads the code from it to pick the exception class. */
    byte[] toXml(String requestId) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(getMessage()) + "</Message><RequestId>" + requestId + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
