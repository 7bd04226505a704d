package dev.qmark.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.sweep.SweepReport;
import dev.qmark.core.sweep.Sweeper;

/** Invoked every minute by an EventBridge schedule: runs the clocks (see {@link Sweeper}). */
public final class SweeperHandler extends JsonStreamHandler<JsonNode, SweepReport> {

    private final Sweeper sweeper;

    public SweeperHandler() {
        this(FunctionEnvironment.system());
    }

    public SweeperHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.sweeper = new Sweeper(config, table.feedbackItems(), table.escalations(), table.sweepList(),
                table.mailClaims(),
                SesSending.sender(config, env, AwsClients.ses(), table),
                ReplyTokenSecret.load(env),
                table.sentMailTexts(),
                env.clock());
    }

    /**
     * Time kept back at the end of an invocation: one check (a few reads, a write, a mail) must
     * finish before Lambda stops the function, or its work is done again by the next sweep.
     */
    static final long RESERVE_MILLIS = 5_000;

    /**
     * The scheduled event carries nothing the sweep needs: the time comes from the clock. The sweep
     * stops while there is time left; what it leaves heads the deadline index for the next one.
     */
    @Override
    protected SweepReport handle(JsonNode scheduledEvent, Context context) {
        return sweeper.sweep(() -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
    }
}
