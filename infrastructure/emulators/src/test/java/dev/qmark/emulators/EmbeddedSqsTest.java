package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class EmbeddedSqsTest {

    @Test
    void queueWithDeadLetterQueueSendsReceivesDeletesAndRedrives() {
        try (EmbeddedSqs sqs = EmbeddedSqs.start(0);
                SqsClient client = Sdk.client(SqsClient.builder(), sqs.endpoint())) {
            String dlqUrl = client.createQueue(b -> b.queueName("feedback-dlq")).queueUrl();
            assertEquals(sqs.endpoint() + "/000000000000/feedback-dlq", dlqUrl);
            String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            assertEquals("arn:aws:sqs:us-east-1:000000000000:feedback-dlq", dlqArn);

            String url = client.createQueue(b -> b.queueName("feedback").attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();

            client.sendMessage(b -> b.queueUrl(url).messageBody("{\"text\":\"? 배송이 늦어요\"}"));
            client.sendMessage(b -> b.queueUrl(url).messageBody("second"));

            List<Message> first = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            assertEquals(2, first.size());
            Message keep = first.stream().filter(m -> m.body().contains("배송")).findFirst().orElseThrow();
            Message fail = first.stream().filter(m -> m.body().equals("second")).findFirst().orElseThrow();
            client.deleteMessage(b -> b.queueUrl(url).receiptHandle(keep.receiptHandle()));

            // "second" was received once and not deleted: after its visibility timeout it moves to the DLQ.
            List<Message> dead = List.of();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (dead.isEmpty() && System.nanoTime() < deadline) {
                client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1));
                dead = client.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
            }
            assertEquals(1, dead.size());
            assertEquals(fail.body(), dead.get(0).body());
            assertTrue(client.receiveMessage(b -> b.queueUrl(url)).messages().isEmpty());
        }
    }
}
