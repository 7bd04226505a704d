package dev.qmark.formintake;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.intake.FeedbackIntake;

/**
 * {@code GET /} (the public form) and {@code POST /feedback}, behind API Gateway's HTTP API.
 * Built once per container; the work is in {@link FeedbackEndpoint}.
 */
public final class FormIntakeHandler extends JsonStreamHandler<HttpApiRequest, HttpApiResponse> {

    private final FeedbackEndpoint endpoint;
    private final DynamoFeedbackRepository repository;

    public FormIntakeHandler() {
        this(FunctionEnvironment.system());
    }

    public FormIntakeHandler(FunctionEnvironment env) {
        super(HttpApiRequest.class);
        this.repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        FeedbackIntake intake = new FeedbackIntake(repository,
                new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL"))),
                EmfMetrics.stdout(), env.clock());
        this.endpoint = new FeedbackEndpoint(intake);
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        return endpoint.handle(request);
    }

    /** The form page, a post the validator refuses (stores nothing), a read of the priming record. */
    @Override
    protected void prime() {
        handleForPriming(Priming.httpEvent("GET", "/", "text/html", null));
        handleForPriming(Priming.httpEvent("POST", "/feedback", "application/json", "{\"name\":\"\"}"));
        repository.find(Priming.FEEDBACK_ID);
    }
}
