package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/**
 * Verified identities, as SES (and moto) enforce them: a send from an address that is neither
 * created itself nor in a created domain is MessageRejected; creating an identity twice is
 * AlreadyExistsException (SES v2 API reference, CreateEmailIdentity and SendEmail errors).
 */
class SesIdentitiesTest {

    @Test
    void onlyVerifiedAddressesOrDomainsMaySend() {
        try (SesStandIn ses = SesStandIn.start(null, 0, true);
             SesV2Client client = Sdk.client(SesV2Client.builder(), ses.endpoint())) {
            MessageRejectedException rejected = assertThrows(MessageRejectedException.class,
                    () -> send(client, "qmark@example.com"));
            assertEquals(400, rejected.statusCode());
            assertTrue(rejected.awsErrorDetails().errorMessage().contains("not verified"), rejected.getMessage());
            assertEquals(0, ses.outbox().size());

            assertEquals(IdentityType.EMAIL_ADDRESS,
                    client.createEmailIdentity(b -> b.emailIdentity("qmark@example.com")).identityType());
            send(client, "qmark@example.com");
            send(client, "QMARK@Example.com");   // addresses compare case-insensitively
            assertThrows(MessageRejectedException.class, () -> send(client, "other@example.com"));

            assertEquals(IdentityType.DOMAIN, client.createEmailIdentity(b -> b.emailIdentity("example.com")).identityType());
            send(client, "other@example.com");
            assertThrows(AlreadyExistsException.class, () -> client.createEmailIdentity(b -> b.emailIdentity("example.com")));
            assertEquals(3, ses.outbox().size());
        }
    }

    @Test
    void withoutTheCheckAnySenderMaySendAsInUnitTests() {
        try (SesStandIn ses = SesStandIn.startInMemory(0);
             SesV2Client client = Sdk.client(SesV2Client.builder(), ses.endpoint())) {
            send(client, "anyone@anywhere.example");
            assertEquals(1, ses.outbox().size());
        }
    }

    private static void send(SesV2Client client, String from) {
        byte[] raw = ("From: " + from + "\r\nTo: dana@example.com\r\nSubject: ?\r\n\r\n?\r\n").getBytes(StandardCharsets.US_ASCII);
        client.sendEmail(b -> b.fromEmailAddress(from).content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))));
    }
}
