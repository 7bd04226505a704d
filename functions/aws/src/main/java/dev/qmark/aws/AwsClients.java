package dev.qmark.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place SDK clients are built. Region, credentials and endpoints come from the default
 * chains (Lambda's environment; SnapStart needs them resolved per invoke, not pinned); locally,
 * the {@code aws.endpointUrl*} system properties point them at the emulators, so no code here
 * knows whether it runs in AWS. The JDK's URL connection client keeps jars small and cold starts short.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(http()).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(http()).build();
    }

    public static SesV2Client ses() {
        return SesV2Client.builder().httpClient(http()).build();
    }

    public static S3Client s3() {
        return S3Client.builder().httpClient(http()).build();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().httpClient(http()).build();
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }
}
