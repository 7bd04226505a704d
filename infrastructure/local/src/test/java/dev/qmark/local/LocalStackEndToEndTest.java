package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.Json;
import dev.qmark.core.mail.InboundMail;
import dev.qmark.core.mail.MimeParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The "?" loop of {@link QuestionLoopEndToEndTest} against LocalStack instead of the embedded
 * stand-ins: the same handlers and glue, with DynamoDB, SQS, S3 and SES served by LocalStack in
 * Docker. Skipped, not failed, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest {

    /** The last community image before LocalStack required an auth token for its consolidated image. */
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                    LocalStackContainer.Service.S3, LocalStackContainer.Service.SES);

    static LocalFunctions functions;
    static StackResources stack;
    static SqsClient sqs;

    @BeforeAll
    static void deploy() {
        String endpoint = LOCALSTACK.getEndpoint().toString();
        Map.of("aws.region", LOCALSTACK.getRegion(), "aws.accessKeyId", LOCALSTACK.getAccessKey(),
                "aws.secretAccessKey", LOCALSTACK.getSecretKey(), "aws.endpointUrlDynamoDb", endpoint,
                "aws.endpointUrlSqs", endpoint, "aws.endpointUrlS3", endpoint, "aws.endpointUrlSesV2", endpoint)
                .forEach(System::setProperty);
        AwsClients.ses().createEmailIdentity(b -> b.emailIdentity("qmark@example.com"));
        sqs = AwsClients.sqs();
        stack = StackResources.create(AwsClients.dynamoDb(), sqs, AwsClients.s3(), 30);
        functions = LocalFunctions.build(stack, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"),
                "localstack-test-secret-0123456789", java.time.Clock.systemUTC());
    }

    @Test
    void formToQuestionToReplyToAnswerToFounder() throws Exception {
        ObjectNode post = (ObjectNode) Json.MAPPER.readTree(Files.readString(
                LocalHttp.repositoryRoot().resolve("events/form-intake-post-json.json")));
        JsonNode posted = functions.formIntake().invoke(post);
        assertEquals(202, posted.path("statusCode").asInt(), posted.toString());
        String id = Json.MAPPER.readTree(posted.path("body").asText()).path("id").asText();

        SqsEventSourceMapping router = new SqsEventSourceMapping(sqs, stack.feedbackUrl(), stack.feedbackArn(), functions.router(), 10);
        SqsEventSourceMapping escalator = new SqsEventSourceMapping(sqs, stack.escalationUrl(), stack.escalationArn(), functions.escalator(), 10);
        LocalHttp.await("the feedback routed", () -> router.pollOnce(2) > 0 ? Optional.of(true) : Optional.empty());
        LocalHttp.await("the escalation sent", () -> escalator.pollOnce(2) > 0 ? Optional.of(true) : Optional.empty());

        InboundMail question = sentTo("dana@example.com", "? My delivery is late");
        String replyTo = question.header("reply-to").replaceAll(".*<|>.*", "").strip();
        String reply = "From: dana@example.com\r\nTo: " + replyTo + "\r\nSubject: Re: ? My delivery is late\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nReshipped today by express.\r\n\r\n"
                + "On Mon, Nov 23, 2026 at 11:40 PM Jeff (via Qmark) <qmark@example.com> wrote:\r\n> ?\r\n";
        try (SesReceiving receiving = new SesReceiving(AwsClients.s3(), stack.mailBucket(), StackResources.MAIL_PREFIX,
                functions.mailIntake(), null)) {
            receiving.receive("dana@example.com", List.of(replyTo), reply.getBytes(StandardCharsets.UTF_8));
        }

        JsonNode item = Json.MAPPER.readTree(functions.staffApi().invoke(Map.of("version", "2.0",
                "routeKey", "GET /feedback/{id}", "rawPath", "/feedback/" + id, "pathParameters", Map.of("id", id),
                "requestContext", Map.of("http", Map.of("method", "GET", "path", "/feedback/" + id)))).path("body").asText());
        assertEquals("answered", item.path("status").asText(), item.toString());
        assertEquals("Reshipped today by express.", item.path("escalations").get(0).path("answer").asText());
        assertTrue(sentTo("jeff@example.com", "Answered: My delivery is late").text().contains("Reshipped today"));
    }

    /** A mail LocalStack's SES kept (GET /_aws/ses), parsed from its raw MIME. */
    private static InboundMail sentTo(String address, String subjectStart) {
        return LocalHttp.await("LocalStack SES mail to " + address, () -> {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(LOCALSTACK.getEndpoint() + "/_aws/ses")).GET().build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode message : Json.MAPPER.readTree(response.body()).path("messages")) {
                    InboundMail mail = new MimeParser().parse(message.path("RawData").asText().getBytes(StandardCharsets.UTF_8));
                    if (mail.to().contains(address) && mail.subject().startsWith(subjectStart)) {
                        return Optional.of(mail);
                    }
                }
                return Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }
}
