package dev.qmark.aws.ses;

import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.sending.TrackedMailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one way a function builds its mail sender: SES with the stack's configuration set
 * ({@code SES_CONFIGURATION_SET}, whose events reach mail-events), behind {@link TrackedMailSender}
 * (suppressed customer addresses left out); every mail carries what it is about as SES message tags.
 */
public final class SesSending {

    /** The environment variable naming the configuration set; unset (tests, benches) sends without one. */
    public static final String CONFIGURATION_SET = "SES_CONFIGURATION_SET";

    private SesSending() {
    }

    public static MailSender sender(QmarkConfig config, FunctionEnvironment env, SesV2Client ses, TablePorts table) {
        return tracked(config, env, ses(config, env, ses), table);
    }

    /** SES itself, with the configuration set: what a handler primes for SnapStart (it can build a mail unsent). */
    public static SesMailSender ses(QmarkConfig config, FunctionEnvironment env, SesV2Client ses) {
        return new SesMailSender(ses, config.inboundDomain(), env.optional(CONFIGURATION_SET).orElse(null), env.clock());
    }

    /** {@code ses} behind {@link TrackedMailSender}: suppressed customer addresses left out. */
    public static MailSender tracked(QmarkConfig config, FunctionEnvironment env, SesMailSender ses, TablePorts table) {
        return new TrackedMailSender(ses, table.suppressions(),
                address -> config.ownerByAddress(address).isPresent(), table.feedbackItems()::recordEvent, env.clock());
    }
}
