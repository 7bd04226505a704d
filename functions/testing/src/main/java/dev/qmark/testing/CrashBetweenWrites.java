package dev.qmark.testing;

/**
 * A handler that dies between two writes of the table in memory: after {@code crashAfter(n)} the
 * n-th write from then on is made and the next statement throws {@link Crash}, as a Lambda
 * invocation killed there would leave it. Only the writes that used to share a transaction (asked,
 * answered) count, so a test can stop one exactly between its escalation and its item.
 */
public final class CrashBetweenWrites {

    /** The simulated death of the invocation: what was written stays, the rest never happens. */
    public static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash between two writes");
        }
    }

    private int writesLeft = -1;

    /** The {@code writes}-th write from now on is the last before the crash (1: right after the next one). */
    public synchronized void crashAfter(int writes) {
        writesLeft = writes;
    }

    /** Called after each counted write. */
    synchronized void wrote() {
        if (writesLeft > 0 && --writesLeft == 0) {
            writesLeft = -1;
            throw new Crash();
        }
    }
}
