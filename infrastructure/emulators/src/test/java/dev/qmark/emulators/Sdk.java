package dev.qmark.emulators;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Builds real SDK v2 clients the way the functions do: url-connection client, pointed at a stand-in. */
final class Sdk {

    /** DynamoDB Local 2.x accepts only letters and digits in the access key id. */
    static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("qmarklocal", "qmarklocal");

    private Sdk() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .endpointOverride(endpoint)
                .build();
    }
}
