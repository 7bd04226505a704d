package dev.qmark.mailevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.dynamodb.DynamoSentMailTexts;
import dev.qmark.aws.dynamodb.DynamoSentMails;
import dev.qmark.aws.dynamodb.DynamoSuppressions;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.delivery.DeliveryEvent;
import dev.qmark.core.delivery.DeliveryEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES's events about the mail Qmark sent (the configuration set's event destination, through
 * EventBridge; SNS records are read too): each goes on its item's timeline, a hard bounce or a
 * complaint suppresses the address, and a "?" that will never reach its owner goes on at once
 * ({@link DeliveryEvents}). A failure fails the invocation: EventBridge's asynchronous invoke retries it.
 */
public final class MailEventsHandler extends JsonStreamHandler<JsonNode, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(MailEventsHandler.class);

    private final DeliveryEvents events;

    public MailEventsHandler() {
        this(FunctionEnvironment.system());
    }

    public MailEventsHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        String table = env.require("TABLE_NAME");
        DynamoFeedbackRepository repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), table);
        Escalator escalator = new Escalator(config, repository, SesSending.sender(config, env, AwsClients.ses(),
                AwsClients.dynamoDb()), ReplyTokenSecret.load(env), new DynamoSentMailTexts(AwsClients.dynamoDb(), table),
                env.clock());
        this.events = new DeliveryEvents(repository, new DynamoSentMails(AwsClients.dynamoDb(), table),
                new DynamoSuppressions(AwsClients.dynamoDb(), table),
                new QuestionsPassedOn(config, repository, escalator, env.clock()));
    }

    @Override
    protected Object handle(JsonNode invocation, Context context) {
        List<String> outcomes = new ArrayList<>();
        for (JsonNode record : SesEvents.records(invocation)) {
            DeliveryEvent event = SesEvents.read(record);
            if (event.messageId() == null) {
                LOG.warn("an SES event without a message id: ignored");
                continue;
            }
            DeliveryEvents.Outcome outcome = events.handle(event);
            LOG.info("{} {} -> {}", event.type(), event.messageId(), outcome);
            outcomes.add(outcome.name());
        }
        return Map.of("outcomes", outcomes);
    }
}
