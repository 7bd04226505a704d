package dev.qmark.core.ports;

import java.time.Instant;

/**
 * The hourly limits on web-form acknowledgements. The form is a way to make Qmark mail any
 * address, so the form decides, under limits, and the router sends: {@link #take} takes one of the
 * address's acknowledgements for the hour (the same counter as a mail customer's,
 * {@link MailThreads#takeAcknowledgement}) and one of the client's, for one item. The decision
 * itself travels on the item ({@link FeedbackRepository#putNew}), which the router reads anyway.
 */
public interface FormAcknowledgements {

    /** How many acknowledgements an hour one address, and one client (a hash of its IP address), may cause. */
    record Limits(int perAddress, int perClient) {
    }

    /**
     * Takes one of {@code limits.perClient()} acknowledgements of {@code clientKey} and one of
     * {@code limits.perAddress()} of {@code email} in the hour starting at {@code hour}, for item
     * {@code feedbackId}: plain conditional writes, each counter remembering the items it counted, so
     * that taking again for the same item (a retried post, a twin racing it) takes nothing more and
     * answers as before. False when either limit is reached: then nothing stays taken for the item (a
     * counter taken first is given back).
     */
    boolean take(String feedbackId, String email, String clientKey, Instant hour, Limits limits);

    /**
     * Gives back what {@link #take} took for {@code feedbackId} in the hour, from both counters;
     * nothing where a counter holds none of the item's. For a take made before the submission was
     * known to be new (the form takes while it claims the key): a duplicate gives its one back.
     */
    void giveBack(String feedbackId, String email, String clientKey, Instant hour);

    /** For functions and tests that acknowledge no form: nothing is allowed. */
    FormAcknowledgements NONE = new FormAcknowledgements() {
        @Override
        public boolean take(String feedbackId, String email, String clientKey, Instant hour, Limits limits) {
            return false;
        }

        @Override
        public void giveBack(String feedbackId, String email, String clientKey, Instant hour) {
            // nothing was taken
        }
    };
}
