package dev.qmark.core.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * Which web-form customers get an acknowledgement. The form is a way to make Qmark mail any
 * address, so the form decides, under limits, and the router sends: {@link #allow} takes one of the
 * address's acknowledgements for the hour (the same counter as a mail customer's,
 * {@link MailThreads#takeAcknowledgement}) and one of the client's, and marks the item, all or
 * nothing; {@link #allowed} is what the router reads.
 */
public interface FormAcknowledgements {

    /** How many acknowledgements an hour one address, and one client (a hash of its IP address), may cause. */
    record Limits(int perAddress, int perClient) {
    }

    /**
     * One conditional transaction: takes one of {@code limits.perAddress()} acknowledgements of
     * {@code email} and one of {@code limits.perClient()} of {@code clientKey} in the hour starting at
     * {@code hour}, and marks item {@code feedbackId} to be acknowledged in {@code language}. False
     * when either limit is reached: then nothing is taken and nothing marked.
     */
    boolean allow(String feedbackId, String email, String clientKey, Instant hour, Limits limits, String language);

    /** The language ("ko", "en") the form allowed this item's acknowledgement in; empty when it allowed none. */
    Optional<String> allowed(String feedbackId);

    /** For functions and tests that acknowledge no form: nothing is allowed. */
    FormAcknowledgements NONE = new FormAcknowledgements() {
        @Override
        public boolean allow(String feedbackId, String email, String clientKey, Instant hour, Limits limits,
                             String language) {
            return false;
        }

        @Override
        public Optional<String> allowed(String feedbackId) {
            return Optional.empty();
        }
    };
}
