package dev.qmark.router;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.Json;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatch;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.lambda.SqsEvent;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.aws.sqs.FeedbackQueued;
import dev.qmark.aws.sqs.SqsEscalationQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.logging.LogFields;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;

/** Reads the feedback queue: routes each stored item and asks for its first escalation. */
public final class RouterHandler extends JsonStreamHandler<SqsEvent, SqsBatchResponse> {

    private final RoutingService routing;
    private final DynamoFeedbackRepository repository;
    private final Router router;

    public RouterHandler() {
        this(FunctionEnvironment.system());
    }

    public RouterHandler(FunctionEnvironment env) {
        super(SqsEvent.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.router = new Router(config);
        this.routing = new RoutingService(repository,
                new SqsEscalationQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("ESCALATION_QUEUE_URL"))),
                router, env.clock());
    }

    @Override
    protected SqsBatchResponse handle(SqsEvent event, Context context) {
        return SqsBatch.processJson(event, FeedbackQueued.class, queued -> {
            if (queued.feedbackId() == null) {
                throw new IllegalArgumentException("message has no feedbackId");
            }
            try (LogFields fields = LogFields.feedback(queued.feedbackId())) {
                routing.route(queued.feedbackId());
            }
        });
    }

    /** The event path, a message body read, the priming record read, the rules applied to a sample. */
    @Override
    protected void prime() {
        handleForPriming(Priming.EMPTY_SQS_EVENT);
        try {
            Json.MAPPER.readValue("{\"feedbackId\":\"" + Priming.FEEDBACK_ID + "\"}", FeedbackQueued.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        repository.find(Priming.FEEDBACK_ID);
        Priming.conditionalWrites(repository);
        router.decide(Priming.sampleFeedback(), java.time.Instant.EPOCH);
    }
}
