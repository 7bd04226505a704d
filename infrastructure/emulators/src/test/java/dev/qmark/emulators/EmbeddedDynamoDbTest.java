package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EmbeddedDynamoDbTest {

    @Test
    void createsTableAndRefusesASecondConditionalPut() {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory(0);
                DynamoDbClient client = Sdk.client(DynamoDbClient.builder(), db.endpoint())) {
            assertTrue(db.port() > 0);
            assertEquals("127.0.0.1", db.endpoint().getHost());
            createTable(client);

            Map<String, AttributeValue> item = Map.of("pk", s("thread#1"), "subject", s("? 배송이 늦어요"));
            client.putItem(b -> b.tableName("threads").item(item).conditionExpression("attribute_not_exists(pk)"));
            assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(
                    b -> b.tableName("threads").item(item).conditionExpression("attribute_not_exists(pk)")));

            assertEquals("? 배송이 늦어요", client.getItem(b -> b.tableName("threads").key(Map.of("pk", s("thread#1"))))
                    .item().get("subject").s());
        }
    }

    @Test
    void keepsTablesInItsDirectoryAcrossRestarts(@TempDir Path dir) {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(dir, 0);
                DynamoDbClient client = Sdk.client(DynamoDbClient.builder(), db.endpoint())) {
            createTable(client);
            client.putItem(b -> b.tableName("threads").item(Map.of("pk", s("kept"))));
        }
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(dir, 0);
                DynamoDbClient client = Sdk.client(DynamoDbClient.builder(), db.endpoint())) {
            assertTrue(client.getItem(b -> b.tableName("threads").key(Map.of("pk", s("kept")))).hasItem());
        }
    }

    @Test
    void releasesAFixedPortOnClose() throws Exception {
        int port = Loopback.freePort();
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory(port)) {
            assertEquals(port, db.port());
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertTrue(socket.isConnected());
            }
        }
        try (EmbeddedDynamoDb again = EmbeddedDynamoDb.startInMemory(port)) {
            assertEquals(port, again.port());
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("threads")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
