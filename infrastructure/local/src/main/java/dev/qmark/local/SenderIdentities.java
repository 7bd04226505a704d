package dev.qmark.local;

import dev.qmark.aws.AwsClients;
import dev.qmark.core.config.QmarkConfig;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * The SES identities a deploy verifies by hand (README, "Deploy to AWS"): the sender's address
 * and the inbound domain. SES refuses mail from anything else with MessageRejected, and so do
 * moto, LocalStack and our stand-in under the local system; created here through the SDK on
 * whichever AWS the local system runs on.
 */
final class SenderIdentities {

    private SenderIdentities() {
    }

    static void verify(QmarkConfig config) {
        try (SesV2Client ses = AwsClients.ses()) {
            for (String identity : List.of(config.sender(), config.inboundDomain())) {
                try {
                    ses.createEmailIdentity(b -> b.emailIdentity(identity));
                } catch (AlreadyExistsException alreadyThere) {
                    // a data directory, or an endpoint that outlived an earlier run
                }
            }
            try {
                // every mail names it (as the stack's own set in AWS), so the endpoint must know it
                ses.createConfigurationSet(b -> b.configurationSetName(LocalFunctions.CONFIGURATION_SET));
            } catch (AlreadyExistsException alreadyThere) {
                // as above
            } catch (software.amazon.awssdk.services.sesv2.model.SesV2Exception unsupported) {
                // an emulator without configuration sets: mail still goes out, no events come back
                org.slf4j.LoggerFactory.getLogger(SenderIdentities.class).warn(
                        "could not create the SES configuration set {}: {}", LocalFunctions.CONFIGURATION_SET,
                        unsupported.getMessage());
            }
        }
    }
}
