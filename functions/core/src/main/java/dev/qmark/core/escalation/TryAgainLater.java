package dev.qmark.core.escalation;

/** The work cannot be done right now but will be: the message should come back later. */
public class TryAgainLater extends RuntimeException {
    public TryAgainLater(String message) {
        super(message);
    }
}
