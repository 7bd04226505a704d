package dev.qmark.local;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The "?" loop of {@link QuestionLoopScenarios} with `./qmark up --aws-endpoint` on LocalStack:
 * the same handlers and glue, with DynamoDB, SQS, S3 and SES served by LocalStack in Docker, the
 * mail read back from its {@code GET /_aws/ses}. Skipped, not failed, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest extends QuestionLoopScenarios {

    /** The last community image before LocalStack required an auth token for its consolidated image. */
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                    LocalStackContainer.Service.S3, LocalStackContainer.Service.SES);

    @Override
    URI awsEndpoint() {
        return LOCALSTACK.getEndpoint();
    }
}
