package dev.qmark.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.digest.DigestHandler;
import dev.qmark.escalator.EscalatorHandler;
import dev.qmark.figures.FiguresHandler;
import dev.qmark.formintake.FormIntakeHandler;
import dev.qmark.mailintake.MailIntakeHandler;
import dev.qmark.router.RouterHandler;
import dev.qmark.staffapi.StaffApiHandler;
import dev.qmark.sweeper.SweeperHandler;
import dev.qmark.mailevents.MailEventsHandler;
import dev.qmark.aws.ses.SesSending;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The functions, built from the environment variables template.yaml gives them, pointing
 * at the stack's table, queues and bucket. Whatever AWS they reach is the SDK's business.
 */
record LocalFunctions(LocalFunction formIntake, LocalFunction router, LocalFunction escalator,
                      LocalFunction mailIntake, LocalFunction staffApi, LocalFunction sweeper, LocalFunction mailEvents,
                      LocalFunction figures, LocalFunction digest) {

    /** The configuration set the sending functions name locally: the SES stand-in publishes its events to mail-events. */
    static final String CONFIGURATION_SET = "qmark-local";

    static final int TIMEOUT_SECONDS = 30;

    /** @param publicUrl where the local HTTP API answers (the rating links in mails to customers) */
    static LocalFunctions build(StackResources stack, Path config, String replyTokenSecret, String publicUrl, Clock clock) {
        Map<String, String> common = Map.of("TABLE_NAME", stack.table(), "QMARK_CONFIG", config.toAbsolutePath().toString(),
                SesSending.CONFIGURATION_SET, CONFIGURATION_SET);
        return new LocalFunctions(
                function("form-intake", FormIntakeHandler::new, common, Map.of("FEEDBACK_QUEUE_URL", stack.feedbackUrl(),
                        "ESCALATION_QUEUE_URL", stack.escalationUrl(), "REPLY_TOKEN_SECRET", replyTokenSecret), clock),
                function("router", RouterHandler::new, common, Map.of("ESCALATION_QUEUE_URL", stack.escalationUrl()), clock),
                function("escalator", EscalatorHandler::new, common, Map.of("REPLY_TOKEN_SECRET", replyTokenSecret), clock),
                function("mail-intake", MailIntakeHandler::new, common, Map.of("REPLY_TOKEN_SECRET", replyTokenSecret,
                        "MAIL_BUCKET", stack.mailBucket(), "MAIL_PREFIX", StackResources.MAIL_PREFIX,
                        "FEEDBACK_QUEUE_URL", stack.feedbackUrl(), "PUBLIC_URL", publicUrl,
                        "MAIL_INTAKE_DLQ_URL", stack.mailIntakeDlqUrl()), clock),
                function("staff-api", StaffApiHandler::new, common, Map.of(), clock),
                function("sweeper", SweeperHandler::new, common, Map.of("REPLY_TOKEN_SECRET", replyTokenSecret), clock),
                function("mail-events", MailEventsHandler::new, common, Map.of("REPLY_TOKEN_SECRET", replyTokenSecret), clock),
                function("figures", FiguresHandler::new, common, Map.of(), clock),
                function("digest", DigestHandler::new, common, Map.of(), clock));
    }

    LocalFunction byName(String name) {
        return switch (name) {
            case "form-intake" -> formIntake;
            case "router" -> router;
            case "escalator" -> escalator;
            case "mail-intake" -> mailIntake;
            case "staff-api" -> staffApi;
            case "sweeper" -> sweeper;
            case "mail-events" -> mailEvents;
            case "figures" -> figures;
            case "digest" -> digest;
            default -> throw new IllegalArgumentException("no function " + name);
        };
    }

    private static LocalFunction function(String name, Function<FunctionEnvironment, RequestStreamHandler> factory,
                                          Map<String, String> common, Map<String, String> own, Clock clock) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        return new LocalFunction(name, factory.apply(FunctionEnvironment.of(env, clock)), TIMEOUT_SECONDS);
    }
}
