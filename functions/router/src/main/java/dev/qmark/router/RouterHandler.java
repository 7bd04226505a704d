package dev.qmark.router;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatch;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.lambda.SqsEvent;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.aws.sqs.FeedbackQueued;
import dev.qmark.aws.sqs.SqsEscalationQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.intake.FormAcknowledger;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.logging.LogFields;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;

/**
 * Reads the feedback queue: routes each stored item and asks for its first escalation, then
 * acknowledges a web-form customer when the form allowed it.
 */
public final class RouterHandler extends JsonStreamHandler<SqsEvent, SqsBatchResponse> {

    private final RoutingService routing;
    private final TablePorts table;
    private final Router router;
    private final FormAcknowledger acknowledger;
    private final QmarkConfig config;

    public RouterHandler() {
        this(FunctionEnvironment.system());
    }

    public RouterHandler(FunctionEnvironment env) {
        super(SqsEvent.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.config = config;
        this.table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.router = new Router(config);
        this.routing = new RoutingService(table.feedbackItems(),
                new SqsEscalationQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("ESCALATION_QUEUE_URL"))),
                router, env.clock());
        this.acknowledger = new FormAcknowledger(config, table.feedbackItems(), table.mailClaims(),
                SesSending.sender(config, env, AwsClients.ses(), table), env.clock());
    }

    @Override
    protected SqsBatchResponse handle(SqsEvent event, Context context) {
        return SqsBatch.processJson(event, FeedbackQueued.class, queued -> {
            if (queued.feedbackId() == null) {
                throw new IllegalArgumentException("message has no feedbackId");
            }
            try (LogFields fields = LogFields.feedback(queued.feedbackId())) {
                // one read of the item serves both steps: the route, and the form's acknowledgement mark
                FeedbackRepository.Queued item = table.feedbackItems().findQueued(queued.feedbackId())
                        .orElseThrow(() -> new IllegalStateException("feedback " + queued.feedbackId() + " is not stored"));
                routing.route(item.feedback());
                // off the form's request path; a failed send brings the message back, and both steps are idempotent
                acknowledger.acknowledge(item);
            }
        });
    }

    /**
     * The event path, a message body read, the priming record read, the rules applied to a sample, and the
     * escalation request it would send (carrying the decision) written as its message body, not sent.
     */
    @Override
    protected void prime() {
        handleForPriming(Priming.EMPTY_SQS_EVENT);
        try {
            Json.MAPPER.readValue("{\"feedbackId\":\"" + FeedbackIds.PRIMING + "\"}", FeedbackQueued.class);
            Json.MAPPER.writeValueAsString(Priming.sampleRequest(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        table.feedbackItems().findQueued(FeedbackIds.PRIMING);
        Priming.conditionalWrites(table.escalations());
        router.decide(Priming.sampleFeedback(), java.time.Instant.EPOCH);
    }
}
