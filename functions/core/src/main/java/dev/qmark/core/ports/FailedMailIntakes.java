package dev.qmark.core.ports;

import java.util.List;

/**
 * mail-intake's asynchronous invocations that failed every attempt Lambda made (the first and two
 * retries), as its on-failure destination keeps them: each with the original event, so the
 * recovery can apply the mail again. A taken invocation is out of sight for a while; one not marked
 * {@link #done} comes back, counted once more.
 */
public interface FailedMailIntakes {

    /**
     * One failed invocation.
     *
     * @param handle         what {@link #done} needs
     * @param requestPayload the event mail-intake failed on (SES's or S3's), as JSON text; null when
     *                       the record carries none (not written by Lambda's destination)
     * @param taken          how many times it was taken, this time included
     */
    record Failed(String handle, String requestPayload, int taken) {
    }

    /** At most {@code max} failed invocations, oldest first as far as the store knows. */
    List<Failed> take(int max);

    /** The invocation's mails are applied or kept for review: it is gone for good. */
    void done(String handle);
}
