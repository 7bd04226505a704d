package dev.qmark.escalator;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.lambda.SqsBatch;
import dev.qmark.aws.lambda.SqsBatchResponse;
import dev.qmark.aws.lambda.SqsEvent;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.asking.QuestionMail;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.logging.LogFields;
import java.util.List;

/** Reads the escalation queue: sends each "?" mail once and opens its deadline. */
public final class EscalatorHandler extends JsonStreamHandler<SqsEvent, SqsBatchResponse> {

    private final FunctionEnvironment env;
    private final QmarkConfig config;
    private final TablePorts table;
    private final SesMailSender ses;
    private final MailSender mail;
    private volatile ReplyTokens tokens;
    private volatile Escalator escalator;

    public EscalatorHandler() {
        this(FunctionEnvironment.system());
    }

    public EscalatorHandler(FunctionEnvironment env) {
        super(SqsEvent.class);
        this.env = env;
        this.config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.ses = SesSending.ses(config, env, AwsClients.ses());
        this.mail = SesSending.tracked(config, env, ses, table);
        build();
    }

    /** The escalator, with the reply-token secret as it is now (again after a SnapStart restore). */
    private void build() {
        ReplyTokens current = ReplyTokenSecret.load(env);
        this.escalator = new Escalator(config, table.feedbackItems(), table.escalations(), table.mailClaims(), mail, current,
                table.sentMailTexts(), table.customerLetters(), EmfMetrics.stdout(), env.clock());
        this.tokens = current;
    }

    @Override
    protected SqsBatchResponse handle(SqsEvent event, Context context) {
        return SqsBatch.processJson(event, EscalationRequest.class, request -> {
            if (request.feedbackId() == null || request.owner() == null || request.dueAt() == null || request.step() < 1) {
                throw new IllegalArgumentException("incomplete escalation request: " + request);
            }
            try (LogFields fields = LogFields.escalation(request.feedbackId(), request.step())) {
                escalator.ask(request);
            }
        });
    }

    /**
     * The event path, a message body as the router writes it (the route decided on it) read back, the priming
     * record read (as a first "?" reads it), a "?" composed and signed as for sending, and not sent.
     */
    @Override
    protected void prime() {
        handleForPriming(Priming.EMPTY_SQS_EVENT);
        try {
            Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(Priming.sampleRequest(config)), EscalationRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        table.feedbackItems().findRecordToAsk(FeedbackIds.PRIMING);
        table.feedbackItems().findRecord(FeedbackIds.PRIMING);
        Priming.conditionalWrites(table.escalations());
        Owner founder = config.founder();
        ses.prime(new QuestionMail(config).compose(Priming.sampleFeedback(), Priming.sampleEscalation(founder), founder,
                config.replyAddress(tokens.issue(FeedbackIds.PRIMING, 1)), List.of(), List.of()));
    }

    @Override
    protected void restored() {
        build();
    }
}
