package dev.qmark.mailintake;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Kills an invocation before its n-th step, as a crash or a timeout would: a global SDK interceptor
 * (this module's tests register it), so the handler's own clients die, not a stand-in. A step is
 * what changes something outside: a DynamoDB write, an SQS send, an SES send. Disarmed it does
 * nothing; armed, it counts the steps and throws instead of making the n-th (which is not made).
 */
public final class KillSwitch implements ExecutionInterceptor {

    private static final Set<String> STEPS = Set.of("DynamoDb.PutItem", "DynamoDb.UpdateItem", "DynamoDb.DeleteItem",
            "DynamoDb.TransactWriteItems", "DynamoDb.BatchWriteItem", "Sqs.SendMessage", "Sqs.SendMessageBatch",
            "SesV2.SendEmail");

    private static final AtomicInteger BEFORE = new AtomicInteger();
    private static final AtomicReference<String> KILLED_AT = new AtomicReference<>();
    private static final AtomicReference<String> LAST_STEP = new AtomicReference<>();

    /** The invocation killed at its {@code step}-th step (1: before the first). */
    static final class Killed extends RuntimeException {
        Killed(String step) {
            super("killed before " + step);
        }
    }

    /** The next call dies before its {@code step}-th step. */
    static void armBefore(int step) {
        KILLED_AT.set(null);
        LAST_STEP.set(null);
        BEFORE.set(step);
    }

    static void disarm() {
        BEFORE.set(0);
    }

    /**
     * Runs {@code invocation} killed before its {@code step}-th step (the invocation failing, as Lambda
     * sees it, then retries it) and disarms; the step it died before, or null when it had fewer steps.
     */
    static String killBefore(int step, Runnable invocation) {
        armBefore(step);
        try {
            invocation.run();
        } catch (RuntimeException killed) {
            // the invocation failed: Lambda retries it
        } finally {
            disarm();
        }
        return killedAt();
    }

    /** The step the armed invocation died before, or null when it had fewer steps. */
    static String killedAt() {
        return KILLED_AT.get();
    }

    /** The step made last before the kill (SesV2.SendEmail: a mail went out and was not marked). */
    static String lastStep() {
        return LAST_STEP.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String step = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!STEPS.contains(step) || BEFORE.get() <= 0) {
            return;
        }
        if (BEFORE.decrementAndGet() == 0) {
            KILLED_AT.set(step);
            throw new Killed(step);
        }
        LAST_STEP.set(step);
    }
}
