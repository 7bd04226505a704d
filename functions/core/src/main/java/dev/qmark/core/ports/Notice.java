package dev.qmark.core.ports;

/**
 * Names a one-off mail for good, so that {@link MailClaims} can send it once. Three kinds, by what
 * the mail belongs to.
 */
public sealed interface Notice {

    /** For logs and the busy message: which mail this is. */
    String describe();

    /** A mail about one escalation: the founder's "answered" mail, a cut notice, the hand-on confirmation, the late notice. */
    record OfEscalation(String feedbackId, int step, String name) implements Notice {
        @Override
        public String describe() {
            return "the " + name + " notice for " + feedbackId + "-" + step;
        }
    }

    /**
     * A mail about an item that belongs to no single escalation state (telling someone once per
     * question and reason why their "? @alias" did nothing). A record of its own under the item, so
     * that however many there are, no escalation grows towards DynamoDB's item limit.
     */
    record OfItem(String feedbackId, String key) implements Notice {
        @Override
        public String describe() {
            return "the notice " + key + " on " + feedbackId;
        }
    }

    /** A mail to the founder that belongs to no feedback item (what a configuration change orphaned). */
    record ToFounder(String name) implements Notice {
        @Override
        public String describe() {
            return "the founder's notice " + name;
        }
    }
}
