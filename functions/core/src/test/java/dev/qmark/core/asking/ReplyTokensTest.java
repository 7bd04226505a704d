package dev.qmark.core.asking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTokensTest {

    private final ReplyTokens tokens = new ReplyTokens("a-secret-of-enough-length");

    @Test
    void issuedTokensVerifyAndNameTheEscalation() {
        String token = tokens.issue("0123456789abcdef", 2);
        assertTrue(token.matches("0123456789abcdef-2-[a-z2-7]{16}"), token);
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 2)), tokens.verify(token));
        // mail systems may upper-case local parts
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 2)), tokens.verify(token.toUpperCase()));
    }

    @Test
    void forgedOrDamagedTokensFail() {
        String token = tokens.issue("0123456789abcdef", 1);
        String otherStep = token.replace("-1-", "-2-");
        String otherItem = "1" + token.substring(1);
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
        for (String forged : new String[] {otherStep, otherItem, flipped, token + "x", "", "answer", null}) {
            assertEquals(Optional.empty(), tokens.verify(forged), String.valueOf(forged));
        }
        assertEquals(Optional.empty(), new ReplyTokens("another-secret-entirely").verify(token));
    }

    @Test
    void tokenIsFoundOnlyInOurReplyAddresses() {
        assertEquals(Optional.of("abc"), ReplyTokens.tokenOf("Answer+abc@Feedback.Example.com", "feedback.example.com"));
        assertEquals(Optional.empty(), ReplyTokens.tokenOf("answer+abc@evil.example.com", "feedback.example.com"));
        assertEquals(Optional.empty(), ReplyTokens.tokenOf("hello@feedback.example.com", "feedback.example.com"));
    }

    @Test
    void afterARotationOldTokensStillVerifyAndNewOnesAreSignedWithTheNewSecret() {
        String before = tokens.issue("0123456789abcdef", 1);
        ReplyTokens rotated = new ReplyTokens("the-next-secret-of-enough-length", List.of("a-secret-of-enough-length"));
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 1)), rotated.verify(before));
        String after = rotated.issue("0123456789abcdef", 1);
        assertNotEquals(before, after, "new tokens are signed with the current secret, not an older one");
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 1)),
                new ReplyTokens("the-next-secret-of-enough-length").verify(after));
        // an older secret only verifies: a token of the secret before it is refused
        assertEquals(Optional.empty(), new ReplyTokens("a-third-secret-of-enough-length",
                List.of("the-next-secret-of-enough-length")).verify(before));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyTokens("short"));
        assertThrows(IllegalArgumentException.class, () -> new ReplyTokens("a-secret-of-enough-length", List.of("short")));
    }

    @Test
    void customerAndRatingTokensAreSignedApartFromAnswerTokens() {
        ReplyTokens tokens = new ReplyTokens("a-secret-of-enough-length");
        String customer = tokens.issueForCustomer("0123456789abcdef", 2);
        assertEquals(Optional.of(new ReplyTokens.EscalationRef("0123456789abcdef", 2)), tokens.verifyForCustomer(customer));
        assertEquals(Optional.empty(), tokens.verify(customer), "a customer token is no answer token");
        assertEquals(Optional.empty(), tokens.verifyForCustomer(tokens.issue("0123456789abcdef", 2)), "nor the reverse");
        String rating = tokens.issueRating("0123456789abcdef", "00000000000000aa");
        assertEquals(Optional.of(new ReplyTokens.LetterRef("0123456789abcdef", "00000000000000aa")), tokens.verifyRating(rating));
        assertEquals(Optional.empty(), tokens.verifyRating(rating.replace("-00000000000000aa-", "-00000000000000ab-")));
        assertEquals(Optional.empty(), new ReplyTokens("another-secret-of-length").verifyRating(rating));
        assertEquals(Optional.of(customer), ReplyTokens.customerTokenOf("Customer+" + customer + "@Feedback.Example.com",
                "feedback.example.com"));
        assertEquals(Optional.empty(), ReplyTokens.customerTokenOf("answer+" + customer + "@feedback.example.com",
                "feedback.example.com"));
    }
}
