package dev.qmark.aws.testing;

import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.emulators.EmbeddedAws;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What a handler test stands on: the embedded AWS (one per test JVM, reached through the SDK's
 * endpoint system properties, as the handlers' own clients are), plus a fresh table, queues and
 * bucket per test bed so tests do not see each other's items. Handlers get the same environment
 * variables template.yaml gives them.
 */
public final class TestBed {

    public static final String SECRET = "test-reply-token-secret-0123456789";
    /** The repository's root, for events/ and config/. */
    public static final Path ROOT = RepositoryRoot.PATH;

    public final String table = "t-" + UUID.randomUUID();
    public final String feedbackQueueUrl;
    public final String escalationQueueUrl;
    /** mail-intake's DLQ: the on-failure destination of its asynchronous invocations, drained by its recovery. */
    public final String mailIntakeDlqUrl;
    public final String bucket = "mail-" + UUID.randomUUID().toString().substring(0, 8);
    public final DynamoDbClient dynamo;
    public final SqsClient sqs;
    public final S3Client s3;
    private final EmbeddedAws aws;

    private TestBed() {
        aws = SharedEmbeddedAws.start();
        dynamo = AwsClients.dynamoDb();
        sqs = AwsClients.sqs();
        s3 = AwsClients.s3();
        QmarkTable.create(dynamo, table);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        feedbackQueueUrl = sqs.createQueue(c -> c.queueName("feedback-" + suffix)).queueUrl();
        escalationQueueUrl = sqs.createQueue(c -> c.queueName("escalation-" + suffix)).queueUrl();
        mailIntakeDlqUrl = sqs.createQueue(c -> c.queueName("mail-intake-dlq-" + suffix)).queueUrl();
        aws.s3().createBucket(bucket);
    }

    public static TestBed create() {
        return new TestBed();
    }

    /** The environment every function would get, with the shipped example configuration. */
    public FunctionEnvironment env() {
        return env(java.time.Clock.systemUTC());
    }

    /** The same environment with a clock of the test's. */
    public FunctionEnvironment env(java.time.Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", table);
        env.put("FEEDBACK_QUEUE_URL", feedbackQueueUrl);
        env.put("ESCALATION_QUEUE_URL", escalationQueueUrl);
        env.put("MAIL_INTAKE_DLQ_URL", mailIntakeDlqUrl);
        env.put("QMARK_CONFIG", ROOT.resolve("config/qmark.yaml").toString());
        env.put("REPLY_TOKEN_SECRET", SECRET);
        env.put("MAIL_BUCKET", bucket);
        env.put("MAIL_PREFIX", "inbound/");
        env.put("PUBLIC_URL", "https://feedback.example.com");
        return FunctionEnvironment.of(env, clock);
    }

    /** The feedback item's port on this bed's table. */
    public DynamoFeedbackRepository repository() {
        return new DynamoFeedbackRepository(dynamo, table);
    }

    /** Every port on this bed's table, as a handler wires them. */
    public TablePorts ports() {
        return new TablePorts(dynamo, table);
    }

    /**
     * What Lambda does after the last attempt at an asynchronous invocation of mail-intake: its
     * on-failure destination gets an invocation record with the event under {@code requestPayload}
     * (the shape of the AWS Lambda developer guide's example record).
     */
    public void failedMailIntake(String requestPayload) {
        sqs.sendMessage(s -> s.queueUrl(mailIntakeDlqUrl).messageBody(invocationRecord(requestPayload)));
    }

    /** An on-failure invocation record of an event that failed three attempts with an unhandled error. */
    public static String invocationRecord(String requestPayload) {
        return "{\"version\":\"1.0\",\"timestamp\":\"" + java.time.Instant.now() + "\","
                + "\"requestContext\":{\"requestId\":\"" + UUID.randomUUID() + "\","
                + "\"functionArn\":\"arn:aws:lambda:us-east-1:000000000000:function:mail-intake:live\","
                + "\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},"
                + "\"requestPayload\":" + requestPayload + ","
                + "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"1\",\"functionError\":\"Unhandled\"},"
                + "\"responsePayload\":{\"errorMessage\":\"Task timed out after 30.00 seconds\"}}";
    }

    /** Receives and deletes everything waiting in a queue. */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : batch) {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** Mail sent through SES to this address (the outbox is shared by every test in the JVM). */
    public List<OutboxMail> mailTo(String address) {
        return aws.ses().outbox().stream().filter(m -> m.to().contains(address)).toList();
    }

    public List<OutboxMail> outbox() {
        return aws.ses().outbox();
    }

    public void putMail(String key, byte[] raw) {
        aws.s3().put(bucket, key, raw);
    }
}
