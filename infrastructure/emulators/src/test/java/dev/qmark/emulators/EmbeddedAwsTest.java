package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedAwsTest {

    @Test
    void defaultBuiltClientsReachTheStandInsThroughSystemPropertiesAlone() throws Exception {
        try (EmbeddedAws aws = EmbeddedAws.startInMemory()) {
            Map<String, String> properties = aws.sdkSystemProperties();
            assertEquals(aws.dynamoDbEndpoint().toString(), properties.get("aws.endpointUrlDynamoDb"));
            assertEquals(aws.sesEndpoint().toString(), properties.get("aws.endpointUrlSesV2"));
            // DynamoDB Local brings the Apache 5 client, which the SDK would prefer; Lambda uses url-connection.
            assertEquals("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService",
                    properties.get("software.amazon.awssdk.http.service.impl"));
            withSystemProperties(properties, () -> {
                // No endpointOverride, region, credentials or HTTP client: defaults only, as in a function.
                try (DynamoDbClient dynamoDb = DynamoDbClient.create();
                        SqsClient sqs = SqsClient.create();
                        S3Client s3 = S3Client.create();
                        SesV2Client ses = SesV2Client.create()) {
                    dynamoDb.createTable(b -> b.tableName("defaults").billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
                    assertEquals(List.of("defaults"), dynamoDb.listTables().tableNames());

                    String queueUrl = sqs.createQueue(b -> b.queueName("defaults")).queueUrl();
                    assertTrue(queueUrl.startsWith(aws.sqsEndpoint().toString()), queueUrl);

                    s3.createBucket(b -> b.bucket("defaults"));
                    s3.putObject(b -> b.bucket("defaults").key("k"), RequestBody.fromString("v"));
                    assertEquals("v", new String(aws.s3().get("defaults", "k").orElseThrow(), StandardCharsets.UTF_8));

                    ses.sendEmail(b -> b.fromEmailAddress("support@qmark.dev").destination(d -> d.toAddresses("c@example.com"))
                            .content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String(
                                    "From: support@qmark.dev\r\nTo: c@example.com\r\nSubject: =?UTF-8?B?"
                                    + java.util.Base64.getEncoder().encodeToString("? 배송이 늦어요".getBytes(StandardCharsets.UTF_8))
                                    + "?=\r\n\r\nt\r\n")))));
                    assertEquals("? 배송이 늦어요", aws.ses().outbox().get(0).subject());
                }
            });
        }
    }

    @Test
    void theEndpointPropertyNamesAreTheOnesTheSdkReads() {
        // The names come from each client builder; a wrong one is ignored silently, so pin them here.
        assertEquals("aws.endpointUrlDynamoDb", EmbeddedAws.DYNAMODB_ENDPOINT_PROPERTY);
        assertEquals("aws.endpointUrlSesV2", EmbeddedAws.SESV2_ENDPOINT_PROPERTY);
        for (String name : List.of("aws.endpointUrlDynamoDb", "aws.endpointUrlSqs", "aws.endpointUrlS3", "aws.endpointUrlSesV2")) {
            assertTrue(sdkMentions(name), name + " is not in the SDK's client builders");
        }
    }

    @Test
    void smtpDomainsAndDeliveryArriveLate() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (EmbeddedAws aws = EmbeddedAws.startInMemory()) {
            aws.setInboundMailDomains(List.of("in.qmark.dev"));
            aws.setMailDelivery((from, to, raw) -> received.add(from + " -> " + to));
            try (SmtpListenerTest.Client c = new SmtpListenerTest.Client(aws.smtpPort())) {
                c.reply();
                c.sendRaw("HELO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<help@in.qmark.dev>\r\nDATA\r\n");
                c.reply();
                c.reply();
                c.reply();
                c.reply();
                c.sendRaw("Subject: hi\r\n\r\nbody\r\n.\r\n");
                assertTrue(c.reply().startsWith("250"));
            }
        }
        assertEquals(List.of("a@example.com -> [help@in.qmark.dev]"), received);
    }

    @Test
    void keepsStateInItsDataDirectory(@TempDir Path dir) {
        try (EmbeddedAws aws = EmbeddedAws.builder().dataDirectory(dir).start();
                DynamoDbClient dynamoDb = Sdk.client(DynamoDbClient.builder(), aws.dynamoDbEndpoint());
                SesV2Client ses = Sdk.client(SesV2Client.builder(), aws.sesEndpoint())) {
            dynamoDb.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            aws.s3().put("kept", "k", new byte[] {42});
            ses.sendEmail(b -> b.content(c -> c.raw(r -> r.data(
                    SdkBytes.fromUtf8String("From: support@qmark.dev\r\nTo: c@example.com\r\nSubject: kept\r\n\r\nt\r\n")))));
        }
        try (EmbeddedAws aws = EmbeddedAws.builder().dataDirectory(dir).start();
                DynamoDbClient dynamoDb = Sdk.client(DynamoDbClient.builder(), aws.dynamoDbEndpoint())) {
            assertEquals(List.of("kept"), dynamoDb.listTables().tableNames());
            assertEquals(42, aws.s3().get("kept", "k").orElseThrow()[0]);
            assertEquals("kept", aws.ses().outbox().get(0).subject());
        }
    }

    @Test
    void closeFreesEveryPortAndLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = liveNonDaemonThreads();
        int[] ports = new int[5];
        try (EmbeddedAws aws = EmbeddedAws.startInMemory();
                DynamoDbClient dynamoDb = Sdk.client(DynamoDbClient.builder(), aws.dynamoDbEndpoint());
                SqsClient sqs = Sdk.client(SqsClient.builder(), aws.sqsEndpoint())) {
            dynamoDb.listTables();
            sqs.listQueues();
            ports[0] = aws.dynamoDbEndpoint().getPort();
            ports[1] = aws.sqsEndpoint().getPort();
            ports[2] = aws.s3Endpoint().getPort();
            ports[3] = aws.sesEndpoint().getPort();
            ports[4] = aws.smtpPort();
        }
        for (int port : ports) {
            try (ServerSocket again = new ServerSocket(port, 1, Loopback.address())) {
                assertEquals(port, again.getLocalPort());
            }
        }
        List<Thread> left = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            left = liveNonDaemonThreads().stream().filter(t -> !before.contains(t)).toList();
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "non-daemon threads left running: " + left);
    }

    @Test
    void startsOnFixedPortsToo() {
        int[] ports = {Loopback.freePort(), Loopback.freePort(), Loopback.freePort(), Loopback.freePort(), Loopback.freePort()};
        try (EmbeddedAws aws = EmbeddedAws.builder().dynamoDbPort(ports[0]).sqsPort(ports[1]).s3Port(ports[2])
                .sesPort(ports[3]).smtpPort(ports[4]).start()) {
            assertEquals(ports[0], aws.dynamoDbEndpoint().getPort());
            assertEquals(ports[1], aws.sqsEndpoint().getPort());
            assertEquals(ports[2], aws.s3Endpoint().getPort());
            assertEquals(ports[3], aws.sesEndpoint().getPort());
            assertEquals(ports[4], aws.smtpPort());
        }
    }

    @Test
    void aTakenPortFailsTheStartAndStopsWhatHadStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, Loopback.address())) {
            Set<Thread> before = liveNonDaemonThreads();
            assertThrows(RuntimeException.class, () -> EmbeddedAws.builder().smtpPort(taken.getLocalPort()).start());
            Thread.sleep(200);
            List<Thread> left = liveNonDaemonThreads().stream().filter(t -> !before.contains(t)).toList();
            assertTrue(left.isEmpty(), "left running after a failed start: " + left);
        }
    }

    @Test
    void closerClosesEverythingInReverseEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        Closer closer = new Closer();
        closer.register(() -> closed.add("first"));
        closer.register(() -> {
            closed.add("second");
            throw new IllegalStateException("boom");
        });
        closer.register(() -> closed.add("third"));
        IllegalStateException e = assertThrows(IllegalStateException.class, closer::close);
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(List.of("third", "second", "first"), closed);
        closer.close(); // nothing twice
        assertEquals(3, closed.size());
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    /** Whether a string literal appears in one of the SDK service client builders on the class path. */
    private static boolean sdkMentions(String literal) {
        for (Class<?> builder : List.of(
                software.amazon.awssdk.services.dynamodb.DynamoDbBaseClientBuilder.class,
                software.amazon.awssdk.services.sqs.SqsBaseClientBuilder.class,
                software.amazon.awssdk.services.s3.S3BaseClientBuilder.class,
                software.amazon.awssdk.services.sesv2.SesV2BaseClientBuilder.class)) {
            String name = builder.getPackageName().replace('.', '/') + "/Default" + builder.getSimpleName() + ".class";
            try (var in = builder.getClassLoader().getResourceAsStream(name)) {
                if (in != null && new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(literal)) {
                    return true;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return false;
    }

    private static void withSystemProperties(Map<String, String> properties, ThrowingRunnable body) throws Exception {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((name, value) -> {
            previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        try {
            body.run();
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
