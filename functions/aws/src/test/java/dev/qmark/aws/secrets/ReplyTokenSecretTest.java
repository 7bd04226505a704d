package dev.qmark.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.core.asking.ReplyTokens;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which secret a function takes; the Secrets Manager read itself is in {@link ReplyTokenSecretMotoTest}. */
class ReplyTokenSecretTest {

    static final String SECRET = "a-local-secret-of-enough-length";

    @Test
    void thePlainVariableIsTheSecretLocally() {
        ReplyTokens tokens = ReplyTokenSecret.load(FunctionEnvironment.of(Map.of(ReplyTokenSecret.VARIABLE, SECRET)));
        String token = tokens.issue("0123456789abcdef", 1);
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 1)), new ReplyTokens(SECRET).verify(token));
    }

    @Test
    void exactlyOneSourceMustBeSet() {
        IllegalStateException neither = assertThrows(IllegalStateException.class,
                () -> ReplyTokenSecret.load(FunctionEnvironment.of(Map.of())));
        assertTrue(neither.getMessage().contains("REPLY_TOKEN_SECRET_ARN"), neither.getMessage());
        // both set is a mistake in the stack or the local glue, not a choice to make silently
        assertThrows(IllegalStateException.class, () -> ReplyTokenSecret.load(FunctionEnvironment.of(Map.of(
                ReplyTokenSecret.VARIABLE, SECRET,
                ReplyTokenSecret.ARN_VARIABLE, "arn:aws:secretsmanager:us-east-1:123456789012:secret:x"))));
    }
}
