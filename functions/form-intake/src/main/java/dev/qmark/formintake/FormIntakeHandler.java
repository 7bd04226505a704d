package dev.qmark.formintake;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoCustomerLetters;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.sqs.SqsEscalationQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.customer.Ratings;
import dev.qmark.aws.dynamodb.DynamoFormAcknowledgements;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.intake.FeedbackIntake;

/**
 * {@code GET /} (the public form), {@code POST /feedback} and the rating pages
 * ({@code GET}/{@code POST /rate/{token}}, issue 9), behind API Gateway's HTTP API.
 * Built once per container; the work is in {@link FeedbackEndpoint}.
 */
public final class FormIntakeHandler extends JsonStreamHandler<HttpApiRequest, HttpApiResponse> {

    private final FeedbackEndpoint endpoint;

    public FormIntakeHandler() {
        this(FunctionEnvironment.system());
    }

    public FormIntakeHandler(FunctionEnvironment env) {
        super(HttpApiRequest.class);
        DynamoFeedbackRepository repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        FeedbackIntake intake = new FeedbackIntake(repository,
                new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL"))),
                // decides whether the router acknowledges the customer (limits per address and client)
                new DynamoFormAcknowledgements(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                env.clock());
        Ratings ratings = new Ratings(ConfigLoader.locate(env.require("QMARK_CONFIG")), repository,
                new DynamoCustomerLetters(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                new SqsEscalationQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("ESCALATION_QUEUE_URL"))),
                ReplyTokenSecret.load(env), env.clock());
        this.endpoint = new FeedbackEndpoint(intake, new RatingEndpoint(ratings));
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        return endpoint.handle(request);
    }
}
