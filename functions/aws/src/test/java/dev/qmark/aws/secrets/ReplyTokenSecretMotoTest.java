package dev.qmark.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.testing.MotoServer;
import dev.qmark.core.asking.ReplyTokens;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The path functions take in AWS: {@code REPLY_TOKEN_SECRET_ARN}, read through {@link AwsClients}
 * from a real Secrets Manager API (moto's server; our embedded stand-ins have no Secrets Manager),
 * rotated the way the README says, with PutSecretValue.
 */
class ReplyTokenSecretMotoTest {

    static final String ENDPOINT_PROPERTY = "aws.endpointUrlSecretsManager";  // the SDK's spelling for service id "Secrets Manager"
    static MotoServer moto;
    static SecretsManagerClient secrets;

    /** Per test, not per class: surefire reports a skip in @BeforeAll as no tests at all, message lost. */
    @BeforeEach
    void start() {
        if (moto != null) {
            return;
        }
        moto = MotoServer.start();
        System.setProperty(ENDPOINT_PROPERTY, moto.endpoint().toString());
        // moto takes any credentials; keep the embedded emulators' ones if another test set them
        if (System.getProperty("aws.region") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
        if (System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "moto");
            System.setProperty("aws.secretAccessKey", "moto");
        }
        secrets = AwsClients.secretsManager();
    }

    @AfterAll
    static void stop() {
        if (secrets != null) {
            secrets.close();
        }
        System.clearProperty(ENDPOINT_PROPERTY);
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aRotatedSecretSignsWithTheNewVersionAndStillAcceptsThePreviousOne() {
        String first = "first-secret-" + UUID.randomUUID();
        String arn = secrets.createSecret(r -> r.name("qmark-reply-" + UUID.randomUUID()).secretString(first)).arn();
        FunctionEnvironment env = FunctionEnvironment.of(Map.of(ReplyTokenSecret.ARN_VARIABLE, arn));

        ReplyTokens beforeRotation = ReplyTokenSecret.load(env);   // never rotated: no AWSPREVIOUS yet
        String oldToken = beforeRotation.issue("0123456789abcdef", 1);
        assertEquals(ref(1), new ReplyTokens(first).verify(oldToken), "signed with the secret Secrets Manager holds");

        String second = "second-secret-" + UUID.randomUUID();
        secrets.putSecretValue(r -> r.secretId(arn).secretString(second));
        ReplyTokens afterRotation = ReplyTokenSecret.load(env);    // a container built after the rotation
        assertEquals(ref(1), afterRotation.verify(oldToken), "a \"?\" sent before the rotation can still be answered");
        String newToken = afterRotation.issue("0123456789abcdef", 1);
        assertNotEquals(oldToken, newToken);
        assertEquals(ref(1), new ReplyTokens(second).verify(newToken), "new addresses are signed with AWSCURRENT");
        assertEquals(ref(1), beforeRotation.verify(oldToken), "containers built before keep working with what they read");

        // the documented limit: Secrets Manager keeps one previous version, so a second rotation
        // orphans the addresses signed two secrets ago
        secrets.putSecretValue(r -> r.secretId(arn).secretString("third-secret-" + UUID.randomUUID()));
        ReplyTokens afterTwoRotations = ReplyTokenSecret.load(env);
        assertEquals(Optional.empty(), afterTwoRotations.verify(oldToken));
        assertEquals(ref(1), afterTwoRotations.verify(newToken));
    }

    private static Optional<ReplyTokens.EscalationRef> ref(int step) {
        return Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", step));
    }
}
