package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.testing.MotoServer;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The "?" loop of {@link QuestionLoopScenarios} with `./qmark up --aws-endpoint` on moto's server,
 * started by this test on a free port: DynamoDB, SQS, S3 and SES by a third party, the mail read
 * back from its {@code GET /moto-api/data.json}. Skipped where moto_server is not installed,
 * failed then under {@code CI=true}.
 */
@EnabledIf(value = "dev.qmark.aws.testing.MotoServer#installedOrRequired", disabledReason = MotoServer.MISSING)
class MotoEndToEndTest extends QuestionLoopScenarios {

    private MotoServer moto;

    @Override
    URI awsEndpoint() throws Exception {
        moto = MotoServer.start();
        return moto.endpoint();
    }

    @Override
    void stopAws() {
        if (moto != null) {
            moto.close();
        }
    }

    /** What the start created lives on moto, shaped as template.yaml declares it; asked of moto directly. */
    @Test
    void theStackLivesOnMoto() {
        try (DynamoDbClient dynamo = onMoto(DynamoDbClient.builder());
             SqsClient sqs = onMoto(SqsClient.builder());
             S3Client s3 = onMoto(S3Client.builder());
             SesV2Client ses = onMoto(SesV2Client.builder())) {
            TableDescription table = dynamo.describeTable(b -> b.tableName(StackResources.TABLE)).table();
            assertEquals(QmarkTable.INDEXES.stream().map(QmarkTable.Index::name).collect(Collectors.toSet()),
                    table.globalSecondaryIndexes().stream().map(i -> i.indexName()).collect(Collectors.toSet()));
            assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(b -> b.tableName(StackResources.TABLE))
                    .timeToLiveDescription().timeToLiveStatus());

            for (String queue : new String[] {"qmark-feedback", "qmark-escalation"}) {
                String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
                String redrive = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                        .attributes().get(QueueAttributeName.REDRIVE_POLICY);
                assertTrue(redrive.contains(queue + "-dlq") && redrive.contains("5"), queue + ": " + redrive);
            }

            s3.headBucket(b -> b.bucket(StackResources.MAIL_BUCKET));   // throws NoSuchBucket when it is not there

            Set<String> identities = ses.listEmailIdentities(b -> { }).emailIdentities().stream()
                    .map(i -> i.identityName()).collect(Collectors.toSet());
            assertTrue(identities.containsAll(Set.of(system.config().sender(), system.config().inboundDomain())),
                    identities.toString());
        }
    }

    private <B extends AwsClientBuilder<B, C>, C> C onMoto(B builder) {
        return builder.endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
