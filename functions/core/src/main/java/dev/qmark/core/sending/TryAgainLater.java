package dev.qmark.core.sending;

/**
 * The work cannot be done right now but will be: the message should come back later. Thrown when
 * another attempt holds a mail's claim (see {@link SendOnce}); SQS redelivers, a sweep counts it busy.
 */
public class TryAgainLater extends RuntimeException {
    public TryAgainLater(String message) {
        super(message);
    }
}
