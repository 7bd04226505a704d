package dev.qmark.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.FailedMailIntakes;
import dev.qmark.testing.FailedMailIntakesContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shared failed-invocation cases against a queue of the SQS emulator, the messages written as
 * Lambda's on-failure destination writes them (an invocation record, the event under
 * {@code requestPayload}).
 */
class SqsFailedMailIntakesContractTest extends FailedMailIntakesContract {

    private final TestBed bed = TestBed.create();

    @Override
    protected FailedMailIntakes store() {
        return new SqsFailedMailIntakes(bed.sqs, bed.mailIntakeDlqUrl, Duration.ZERO);
    }

    @Override
    protected void failed(FailedMailIntakes store, String requestPayload) {
        bed.failedMailIntake(requestPayload);
    }

    @Test
    void aMessageThatIsNoInvocationRecordHasNoEvent() {
        bed.sqs.sendMessage(s -> s.queueUrl(bed.mailIntakeDlqUrl).messageBody("not json"));
        FailedMailIntakes.Failed failed = store().take(10).get(0);
        assertNull(failed.requestPayload());
        assertEquals(1, failed.taken());
    }
}
