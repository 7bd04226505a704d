package dev.qmark.local;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The two work queues and their dead-letter queues, as template.yaml declares them. */
record LocalQueues(String feedbackUrl, String feedbackArn, String escalationUrl, String escalationArn) {

    static LocalQueues create(SqsClient sqs, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String[] feedback = queueWithDlq(sqs, "qmark-feedback", visibilityTimeoutSeconds, maxReceiveCount);
        String[] escalation = queueWithDlq(sqs, "qmark-escalation", visibilityTimeoutSeconds, maxReceiveCount);
        return new LocalQueues(feedback[0], feedback[1], escalation[0], escalation[1]);
    }

    /** @return the queue's URL and ARN */
    private static String[] queueWithDlq(SqsClient sqs, String name, int visibility, int maxReceiveCount) {
        String dlqUrl = sqs.createQueue(c -> c.queueName(name + "-dlq")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        String dlqArn = arn(sqs, dlqUrl);
        String url = sqs.createQueue(c -> c.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibility),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"))).queueUrl();
        return new String[] {url, arn(sqs, url)};
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
