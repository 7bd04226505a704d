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

    /**
     * DynamoDB Local 2.6.1 answers TransactWriteItems before its COMMIT ran (see DurableCommits): a
     * kill -9 in that gap lost an accepted feedback. Read the database file from a second connection
     * right after each answer: every answered transaction must already be there.
     */
    @Test
    void aTransactionItAnsweredIsAlreadyInTheFile(@TempDir Path dir) throws Exception {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(dir, 0);
                DynamoDbClient client = Sdk.client(DynamoDbClient.builder(), db.endpoint())) {
            createTable(client);
            com.almworks.sqlite4java.SQLiteConnection file = new com.almworks.sqlite4java.SQLiteConnection(
                    dir.resolve("shared-local-instance.db").toFile()).openReadonly();
            try {
                for (int i = 1; i <= 60; i++) {
                    String pk = "item#" + i;
                    client.transactWriteItems(t -> t.transactItems(
                            b -> b.put(p -> p.tableName("threads").item(Map.of("pk", s(pk))))));
                    assertEquals(i, committedRows(file), "rows in the file right after transaction " + i + " was answered");
                }
            } finally {
                file.dispose();
            }
        }
    }

    private static int committedRows(com.almworks.sqlite4java.SQLiteConnection file) throws Exception {
        for (int attempt = 0; ; attempt++) {
            com.almworks.sqlite4java.SQLiteStatement count = file.prepare("SELECT count(*) FROM \"threads\"", false);
            try {
                count.step();
                return count.columnInt(0);
            } catch (com.almworks.sqlite4java.SQLiteBusyException busy) {
                if (attempt > 100) {
                    throw busy;
                }
                Thread.sleep(1); // a commit is being written right now: read it once it is done
            } finally {
                count.dispose();
            }
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
