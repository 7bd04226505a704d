package dev.qmark.router;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatch;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.lambda.SqsEvent;
import dev.qmark.aws.sqs.FeedbackQueued;
import dev.qmark.aws.sqs.SqsEscalationQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;

/** Reads the feedback queue: routes each stored item and asks for its first escalation. */
public final class RouterHandler extends JsonStreamHandler<SqsEvent, SqsBatchResponse> {

    private final RoutingService routing;

    public RouterHandler() {
        this(FunctionEnvironment.system());
    }

    public RouterHandler(FunctionEnvironment env) {
        super(SqsEvent.class);
        this.routing = new RoutingService(
                new DynamoFeedbackRepository(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                new SqsEscalationQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("ESCALATION_QUEUE_URL"))),
                new Router(ConfigLoader.locate(env.require("QMARK_CONFIG"))),
                env.clock());
    }

    @Override
    protected SqsBatchResponse handle(SqsEvent event, Context context) {
        return SqsBatch.processJson(event, FeedbackQueued.class, queued -> {
            if (queued.feedbackId() == null) {
                throw new IllegalArgumentException("message has no feedbackId");
            }
            routing.route(queued.feedbackId());
        });
    }
}
