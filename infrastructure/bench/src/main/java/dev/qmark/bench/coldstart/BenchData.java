package dev.qmark.bench.coldstart;

import dev.qmark.aws.AwsClients;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.emulators.EmbeddedAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The embedded AWS the cold starts run against, and events that do real work: each invocation
 * gets feedback stored just for it (the samples in events/ name an item that does not exist, which
 * would measure the "not found" path), a fresh idempotency key, or a fresh received mail in S3.
 */
final class BenchData implements AutoCloseable {

    private static final String SAMPLE_ID = "0123456789abcdef";
    private static final String SAMPLE_MAIL_ID = "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1";
    private static final String SAMPLE_REPLY_ADDRESS = "answer+0123456789abcdef-1-abcdefghijklmnop@feedback.example.com";
    private static final String SAMPLE_MESSAGE_ID = "0100019329a0b4e2-7c1e3a55-1f0d-4b8e-8d7a-9e2f5c6b7a81-000000";
    private static final String SAMPLE_STREAM_ID = "k3m9x2p7q4r8s1t5";

    private final EmbeddedAws aws;
    private final Path home;
    private final Path events;
    private final String table = "coldstart-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bucket = "coldstart-" + UUID.randomUUID().toString().substring(0, 8);
    private final String feedbackQueueUrl;
    private final String escalationQueueUrl;
    private final String mailIntakeDlqUrl;
    private final DynamoFeedbackRepository repository;
    private final TablePorts ports;
    private final DynamoDbClient dynamo;

    BenchData(Path home, Path events) {
        this.home = home;
        this.events = events;
        this.aws = EmbeddedAws.startInMemory();
        aws.sdkSystemProperties().forEach(System::setProperty);
        dynamo = AwsClients.dynamoDb();
        QmarkTable.create(dynamo, table);
        SqsClient sqs = AwsClients.sqs();
        feedbackQueueUrl = sqs.createQueue(c -> c.queueName(table + "-feedback")).queueUrl();
        escalationQueueUrl = sqs.createQueue(c -> c.queueName(table + "-escalation")).queueUrl();
        mailIntakeDlqUrl = sqs.createQueue(c -> c.queueName(table + "-mail-intake-dlq")).queueUrl();
        aws.s3().createBucket(bucket);
        repository = new DynamoFeedbackRepository(dynamo, table);
        ports = new TablePorts(dynamo, table);
    }

    /** What template.yaml's functions read, pointing here; the configuration is the jar's own qmark.yaml. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", table);
        env.put("FEEDBACK_QUEUE_URL", feedbackQueueUrl);
        env.put("ESCALATION_QUEUE_URL", escalationQueueUrl);
        env.put("MAIL_INTAKE_DLQ_URL", mailIntakeDlqUrl);
        env.put("QMARK_CONFIG", "qmark.yaml");
        env.put("REPLY_TOKEN_SECRET", "coldstart-" + UUID.randomUUID());
        env.put("MAIL_BUCKET", bucket);
        env.put("MAIL_PREFIX", "inbound/");
        env.put("PUBLIC_URL", "http://127.0.0.1:8080");
        return env;
    }

    /** The SDK's region, credentials and endpoints, for the child JVM's command line. */
    Map<String, String> sdkProperties() {
        return aws.sdkSystemProperties();
    }

    /**
     * A sample event of {@code function}, made to do real work once, written to a file of its own;
     * {@code first}: the run's first event (the digest's first and second do different reports).
     */
    Path event(FunctionUnderTest function, boolean first) {
        String text = read(function.event());
        switch (function.name()) {
            case "form-intake" -> text = text.replace("7f1c2b9e-sample", UUID.randomUUID().toString());
            case "router", "staff-api" -> text = text.replace(SAMPLE_ID, storedFeedback());
            case "escalator" -> text = text.replace(SAMPLE_ID, storedFeedback())
                    // due tomorrow: the sweeper's runs find nothing of the escalator's due
                    .replace("2026-11-23T18:00:00Z", Instant.now().plus(Duration.ofDays(1)).toString());
            case "mail-intake" -> {
                String mailId = "coldstart" + UUID.randomUUID().toString().replace("-", "");
                aws.s3().put(bucket, "inbound/" + mailId, customerMail(mailId));
                text = text.replace(SAMPLE_MAIL_ID, mailId).replace(SAMPLE_REPLY_ADDRESS, "feedback@feedback.example.com");
            }
            // a hard bounce of the acknowledgement of stored feedback: suppresses the customer's address
            // and goes on the item's timeline (a fresh message id and address each time)
            case "mail-events" -> {
                String feedbackId = storedFeedback();
                String messageId = "coldstart-" + UUID.randomUUID();
                String customer = "minsu+" + feedbackId + "@example.org";
                // the acknowledgement's tags name its item and no step, as SES returns them (delivery.MailTags)
                text = text.replace(SAMPLE_MESSAGE_ID, messageId).replace("dana@example.com", customer)
                        .replace("\"pr1m1ng000000000\"", "\"" + feedbackId + "\"")
                        .replace(",\n        \"qmark-step\": [\"1\"]", "");
            }
            // stored feedback routed: its facts (received, routed, per owner, route, topic, channel) are new, so counted
            case "figures" -> text = text.replace(SAMPLE_STREAM_ID, storedFeedback())
                    .replace("2026-11-23T10:05:0", Instant.now().toString().substring(0, 18));
            // today's digest sent now (the run's first event: figures read, composed, claimed, sent), then
            // today's town-hall report (the second: the same kind of work, warm); each day's claims are
            // forgotten first, so every run sends both, as the first firing of a day does
            case "digest" -> {
                if (first) {
                    forgetReportClaims();
                }
                text = text.replace("\"detail\": {}", "\"detail\": {}, \"report\": \"" + (first ? "digest" : "town-hall")
                        + "\", \"now\": true");
            }
            default -> {
            }
        }
        try {
            Path file = Files.createTempFile(home.resolve("infrastructure/bench/target"), function.name(), ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The claims "digest-{date}" and "town-hall-{date}" of the days the founder's today can be,
     * wherever they are: no report is sent yet.
     */
    private void forgetReportClaims() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String report : List.of("digest-", "town-hall-")) {
            for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
                dynamo.deleteItem(d -> d.tableName(table).key(Map.of(
                        "pk", AttributeValue.fromS("NOTICE#" + report + day), "sk", AttributeValue.fromS("NOTICE"))));
            }
        }
    }

    private String read(String name) {
        try {
            return Files.readString(events.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String storedFeedback() {
        Instant now = Instant.now();
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "My delivery is late", "Ordered Monday, still nothing.", 2, now, FeedbackStatus.RECEIVED, null);
        String key = UUID.randomUUID().toString();
        return repository.storeNew(feedback, key, key, now.plus(Duration.ofMinutes(10)),
                new TimelineEvent(now, "received", "stored by bench coldstart")).feedbackId();
    }

    private static byte[] customerMail(String mailId) {
        return ("From: Minsu Kim <minsu@example.org>\r\n"
                + "To: feedback@feedback.example.com\r\n"
                + "Subject: My delivery is late\r\n"
                + "Message-ID: <" + mailId + "@example.org>\r\n"
                + "Date: Mon, 23 Nov 2026 19:15:00 +0900\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Ordered Monday, still nothing.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        aws.close();
    }
}
