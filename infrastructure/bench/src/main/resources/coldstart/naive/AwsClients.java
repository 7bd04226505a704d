package dev.qmark.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The "naive" variant of `qmark bench coldstart`: the same handlers with clients built the way a
 * first Lambda function usually builds them, {@code XClient.create()} (the SDK's default HTTP
 * client, found on the class path, and default region and credential resolution). Compiled by the
 * bench and put before the function jar, so it stands in for the real dev.qmark.aws.AwsClients
 * in that JVM only; never part of a build.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.create();
    }

    public static SqsClient sqs() {
        return SqsClient.create();
    }

    public static SesV2Client ses() {
        return SesV2Client.create();
    }

    public static S3Client s3() {
        return S3Client.create();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.create();
    }
}
