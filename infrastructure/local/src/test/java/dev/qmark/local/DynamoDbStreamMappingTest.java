package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.emulators.EmbeddedDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local stream mapping hands the function what Lambda's mapping with a tumbling window does:
 * the shard, the window, the state the function handed back last, and a last invocation without
 * records once the window has passed; an answer without a state is a failed invocation.
 */
class DynamoDbStreamMappingTest {

    private final EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory(0);
    private final DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create()).build();
    private final DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(db.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create()).build();
    private final List<JsonNode> events = new ArrayList<>();

    @AfterEach
    void stop() {
        streams.close();
        dynamo.close();
        db.close();
    }

    @Test
    void eachEventNamesItsShardAndWindowAndCarriesTheStateHandedBackLast() throws InterruptedException {
        String arn = table();
        List<String> answers = new ArrayList<>(List.of("{}", "{\"state\": {\"n\": \"1\"}}", "{\"state\": {\"n\": \"2\"}}"));
        DynamoDbStreamMapping mapping = new DynamoDbStreamMapping(streams, arn, function(answers), 100, 2);
        put("a");
        assertEquals(0, mapping.pollOnce(), "answered without a state: failed, handed over again");
        assertEquals(1, mapping.pollOnce());
        JsonNode first = events.get(1);
        assertEquals(events.get(0).path("Records"), first.path("Records"), "the same record again");
        assertTrue(first.path("shardId").asText().startsWith("shardId-"), first.toString());
        assertEquals("{}", first.path("state").toString(), "a window starts with an empty state");
        assertFalse(first.path("isFinalInvokeForWindow").asBoolean());
        assertEquals(2, java.time.Duration.between(java.time.Instant.parse(first.path("window").path("start").asText()),
                java.time.Instant.parse(first.path("window").path("end").asText())).toSeconds());

        Thread.sleep(2100); // the window passes
        mapping.pollOnce();
        JsonNode last = events.get(2);
        assertTrue(last.path("isFinalInvokeForWindow").asBoolean(), last.toString());
        assertEquals(0, last.path("Records").size(), "the window's last invocation carries no records");
        assertEquals("{\"n\":\"1\"}", last.path("state").toString(), "with the state handed back last");
        assertEquals(first.path("shardId"), last.path("shardId"));
    }

    private String table() {
        dynamo.createTable(c -> c.tableName("stream-test").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return dynamo.describeTable(d -> d.tableName("stream-test")).table().latestStreamArn();
    }

    private void put(String pk) {
        dynamo.putItem(p -> p.tableName("stream-test").item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    /** A function that keeps each event and answers the next of {@code answers} (the last one from then on). */
    private LocalFunction function(List<String> answers) {
        RequestStreamHandler handler = (input, output, context) -> {
            events.add(Json.MAPPER.readTree(input));
            output.write((answers.size() > 1 ? answers.remove(0) : answers.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
        return new LocalFunction("figures", handler, 30);
    }
}
