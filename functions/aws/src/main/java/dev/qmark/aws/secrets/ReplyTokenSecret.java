package dev.qmark.aws.secrets;

import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.core.asking.ReplyTokens;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Where a function's reply-token secret comes from. In AWS the stack generates it in Secrets
 * Manager and gives the functions that sign or verify reply addresses its ARN
 * ({@value #ARN_VARIABLE}), so the secret never sits in their configuration; locally and in tests
 * it is the plain variable {@value #VARIABLE}. Exactly one of the two must be set.
 *
 * <p>Read when the handler is built and again after every SnapStart restore (the handlers'
 * {@code restored()}), so no snapshot carries it into a new container and a rotation reaches
 * each container as it starts or is restored.
 * New tokens are signed with AWSCURRENT; tokens signed with AWSPREVIOUS, the version a
 * rotation replaced, still verify. Secrets Manager keeps only that one previous version.
 */
public final class ReplyTokenSecret {

    public static final String VARIABLE = "REPLY_TOKEN_SECRET";
    public static final String ARN_VARIABLE = "REPLY_TOKEN_SECRET_ARN";

    private ReplyTokenSecret() {
    }

    public static ReplyTokens load(FunctionEnvironment env) {
        Optional<String> plain = env.optional(VARIABLE);
        Optional<String> arn = env.optional(ARN_VARIABLE);
        if (plain.isPresent() == arn.isPresent()) {
            throw new IllegalStateException("set exactly one of the environment variables " + VARIABLE
                    + " (the secret itself, locally) and " + ARN_VARIABLE + " (a Secrets Manager secret, in AWS)");
        }
        if (plain.isPresent()) {
            return new ReplyTokens(plain.get());
        }
        try (SecretsManagerClient secrets = AwsClients.secretsManager()) {
            return read(secrets, arn.get());
        }
    }

    /** The current version signs; the previous one, if a rotation left one, still verifies. */
    public static ReplyTokens read(SecretsManagerClient secrets, String secretId) {
        String current = secrets.getSecretValue(r -> r.secretId(secretId).versionStage("AWSCURRENT")).secretString();
        return new ReplyTokens(current, previous(secrets, secretId).map(List::of).orElse(List.of()));
    }

    private static Optional<String> previous(SecretsManagerClient secrets, String secretId) {
        try {
            return Optional.of(secrets.getSecretValue(r -> r.secretId(secretId).versionStage("AWSPREVIOUS")).secretString());
        } catch (ResourceNotFoundException neverRotated) {
            return Optional.empty();
        }
    }
}
