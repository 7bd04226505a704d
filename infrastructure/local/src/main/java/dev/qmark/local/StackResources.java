package dev.qmark.local;

import dev.qmark.aws.dynamodb.QmarkTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The stateful resources template.yaml declares — the table, the two work queues with their
 * dead-letter queues, mail-intake's DLQ (the on-failure destination of its asynchronous
 * invocations), the inbound mail bucket — created through the SDK where there is no
 * CloudFormation: on the embedded AWS, or on LocalStack.
 */
record StackResources(String table, String feedbackUrl, String feedbackArn, String escalationUrl,
                           String escalationArn, String mailIntakeDlqUrl, String mailBucket) {

    static final String TABLE = "qmark";
    static final String MAIL_BUCKET = "qmark-inbound-mail";
    static final String MAIL_PREFIX = "inbound/";
    static final int MAX_RECEIVE_COUNT = 5;

    static StackResources create(DynamoDbClient dynamo, SqsClient sqs, S3Client s3, int visibilityTimeoutSeconds) {
        QmarkTable.create(dynamo, TABLE);
        String[] feedback = queueWithDlq(sqs, "qmark-feedback", visibilityTimeoutSeconds);
        String[] escalation = queueWithDlq(sqs, "qmark-escalation", visibilityTimeoutSeconds);
        String mailIntakeDlq = sqs.createQueue(c -> c.queueName("qmark-mail-intake-dlq")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        try {
            s3.createBucket(b -> b.bucket(MAIL_BUCKET));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // a data directory from an earlier run
        }
        return new StackResources(TABLE, feedback[0], feedback[1], escalation[0], escalation[1], mailIntakeDlq, MAIL_BUCKET);
    }

    /** @return the queue's URL and ARN */
    private static String[] queueWithDlq(SqsClient sqs, String name, int visibility) {
        String dlqUrl = sqs.createQueue(c -> c.queueName(name + "-dlq")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        String dlqArn = arn(sqs, dlqUrl);
        String url = sqs.createQueue(c -> c.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibility),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}"))).queueUrl();
        return new String[] {url, arn(sqs, url)};
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
