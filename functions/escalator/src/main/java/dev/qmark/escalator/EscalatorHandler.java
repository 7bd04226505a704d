package dev.qmark.escalator;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatch;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.lambda.SqsEvent;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.asking.Escalator;

/** Reads the escalation queue: sends each "?" mail once and opens its deadline. */
public final class EscalatorHandler extends JsonStreamHandler<SqsEvent, SqsBatchResponse> {

    private final Escalator escalator;

    public EscalatorHandler() {
        this(FunctionEnvironment.system());
    }

    public EscalatorHandler(FunctionEnvironment env) {
        super(SqsEvent.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.escalator = new Escalator(config, table.feedbackItems(), table.escalations(), table.mailClaims(),
                SesSending.sender(config, env, AwsClients.ses(), table),
                ReplyTokenSecret.load(env),
                table.sentMailTexts(),
                table.customerLetters(),
                env.clock());
    }

    @Override
    protected SqsBatchResponse handle(SqsEvent event, Context context) {
        return SqsBatch.processJson(event, EscalationRequest.class, request -> {
            if (request.feedbackId() == null || request.owner() == null || request.dueAt() == null || request.step() < 1) {
                throw new IllegalArgumentException("incomplete escalation request: " + request);
            }
            escalator.ask(request);
        });
    }
}
