package dev.qmark.mailevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.Json;
import dev.qmark.aws.dynamodb.PrimingWrites;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.asking.QuestionMail;
import dev.qmark.core.config.Owner;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.delivery.DeliveryEvent;
import dev.qmark.core.delivery.DeliveryEvents;
import dev.qmark.core.ports.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES's events about the mail Qmark sent (the configuration set's event destination, through
 * EventBridge; SNS records are read too): a bounce, complaint, rejection or delay goes on the item
 * its message tags name, a hard bounce or a complaint suppresses the address, and a "?" that will
 * never reach its owner goes on at once ({@link DeliveryEvents}); a send or a delivery costs nothing. A failure fails the invocation: EventBridge's asynchronous invoke retries it.
 */
public final class MailEventsHandler extends JsonStreamHandler<JsonNode, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(MailEventsHandler.class);

    private final DeliveryEvents events;
    private final QmarkConfig config;
    private final TablePorts table;
    private final SesMailSender ses;
    private final String tableName;

    public MailEventsHandler() {
        this(FunctionEnvironment.system());
    }

    public MailEventsHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        this.config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.tableName = env.require("TABLE_NAME");
        this.table = new TablePorts(AwsClients.dynamoDb(), tableName);
        this.ses = SesSending.ses(config, env, AwsClients.ses());
        Metrics metrics = EmfMetrics.stdout();
        Escalator escalator = new Escalator(config, table.feedbackItems(), table.escalations(), table.mailClaims(),
                SesSending.tracked(config, env, ses, table), ReplyTokenSecret.load(env), table.sentMailTexts(),
                table.customerLetters(), metrics, env.clock());
        this.events = new DeliveryEvents(table.feedbackItems(), table.suppressions(),
                new QuestionsPassedOn(config, table.feedbackItems(), table.escalations(), escalator, env.clock()), metrics);
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

    /**
     * SnapStart priming: SES's event that a mail with the priming record's message id (never sent)
     * was delivered, handled the whole way: read, its mail looked up (not found: about no item), so
     * nothing goes on a timeline and nothing is counted (a delivery suppresses nothing and is no
     * bounce). A hard bounce of it is only read, never handled (handled, it would suppress the
     * address). Then what a bounce of a "?" runs, without its effects: the item read (nothing), the
     * next "?" composed and SES's request built (not sent), the escalation's writes refused by their
     * conditions, the bounce's metric line written nowhere.
     */
    @Override
    protected void prime() {
        String nobody = "priming@example.invalid";
        handleForPriming(Priming.sesMailEvent("Delivery", nobody));
        try {
            SesEvents.read(SesEvents.records(Json.MAPPER.readTree(Priming.sesMailEvent("Bounce", nobody))).get(0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        table.feedbackItems().findRecord(FeedbackIds.PRIMING);
        Owner founder = config.founder();
        ses.prime(new QuestionMail(config).compose(Priming.sampleFeedback(), Priming.sampleEscalation(founder), founder,
                config.replyAddress("priming"), List.of(), List.of()));
        Priming.conditionalWrites(table.escalations());
        PrimingWrites.run(AwsClients.dynamoDb(), tableName);
        Priming.metricsToNowhere().bounced(1);
    }
}
