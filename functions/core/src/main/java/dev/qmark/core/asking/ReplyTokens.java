package dev.qmark.core.asking;

import dev.qmark.mail.InboundMail;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the token in each escalation's Reply-To address,
 * {@code answer+<feedbackId>-<step>-<mac>@<inbound domain>}. The MAC is the first 80 bits of
 * HMAC-SHA256 over "feedbackId-step", in lower-case base32 so that mail systems which fold the
 * case of local parts do not break it. Without the secret nobody can forge or guess one.
 *
 * <p>Tokens are signed with the current secret and verified against it and any older secrets
 * still accepted, so a rotated secret does not orphan the "?" mails already out: their reply
 * addresses keep working while the secret they were signed with is still among the accepted.
 */
public final class ReplyTokens {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern TOKEN = Pattern.compile("([0-9a-z]{16})-([1-9][0-9]{0,2})-([a-z2-7]{16})");
    private static final Pattern ADDRESS = Pattern.compile("answer\\+([^@]+)@(.+)");
    private static final Pattern CUSTOMER_ADDRESS = Pattern.compile("customer\\+([^@]+)@(.+)");
    private static final Pattern RATING = Pattern.compile("([0-9a-z]{16})-([0-9a-f]{16})-([a-z2-7]{16})");
    /** Signed apart from answer tokens: an answer address never works as a customer address, nor the reverse. */
    private static final String CUSTOMER = "customer:";
    private static final String RATE = "rate:";

    private final SecretKeySpec key;
    private final List<SecretKeySpec> accepted;

    public ReplyTokens(String secret) {
        this(secret, List.of());
    }

    /**
     * @param current signs new tokens (and verifies them)
     * @param older earlier secrets whose tokens still verify, newest first; never used to sign
     */
    public ReplyTokens(String current, List<String> older) {
        this.key = key(current);
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key);
        older.forEach(secret -> keys.add(key(secret)));
        this.accepted = List.copyOf(keys);
    }

    private static SecretKeySpec key(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the reply token secret must be at least 16 characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a verified token names. */
    public record EscalationRef(String feedbackId, int step) {
    }

    public String issue(String feedbackId, int step) {
        String subject = feedbackId + "-" + step;
        return subject + "-" + mac(key, subject);
    }

    /** The escalation a token names, only when its MAC is right. */
    public Optional<EscalationRef> verify(String token) {
        return verify(token, "");
    }

    /**
     * The token of {@code customer+<token>@}: writing to the customer about escalation {@code step}.
     * Same shape as an answer token, signed over a different text.
     */
    public String issueForCustomer(String feedbackId, int step) {
        String subject = feedbackId + "-" + step;
        return subject + "-" + mac(key, CUSTOMER + subject);
    }

    /** The escalation a customer-address token names, only when its MAC is right. */
    public Optional<EscalationRef> verifyForCustomer(String token) {
        return verify(token, CUSTOMER);
    }

    /** What a verified rating token names: a mail relayed to the customer. */
    public record LetterRef(String feedbackId, String letterKey) {
    }

    /** The token in a relayed mail's rating links: {@code <feedbackId>-<letter key, 16 hex>-<mac>}. */
    public String issueRating(String feedbackId, String letterKey) {
        String subject = feedbackId + "-" + letterKey;
        return subject + "-" + mac(key, RATE + subject);
    }

    /** The relayed mail a rating token names, only when its MAC is right. */
    public Optional<LetterRef> verifyRating(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        Matcher m = RATING.matcher(token.toLowerCase(Locale.ROOT));
        if (!m.matches() || !macMatches(RATE + m.group(1) + "-" + m.group(2), m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new LetterRef(m.group(1), m.group(2)));
    }

    private Optional<EscalationRef> verify(String token, String purpose) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String subject = m.group(1) + "-" + m.group(2);
        return macMatches(purpose + subject, m.group(3))
                ? Optional.of(new EscalationRef(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    private boolean macMatches(String subject, String mac) {
        byte[] given = mac.getBytes(StandardCharsets.US_ASCII);
        for (SecretKeySpec candidate : accepted) {
            if (MessageDigest.isEqual(mac(candidate, subject).getBytes(StandardCharsets.US_ASCII), given)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reply token a received mail is addressed to: envelope recipients first (what SES
     * delivered to), then To and Cc; empty when it went to no reply address. Whether a mail is an
     * answer at all is this question ({@code InboundMailDecision}), and the reply intake reads the token with it.
     */
    public static Optional<String> tokenIn(InboundMail mail, List<String> envelopeRecipients, String inboundDomain) {
        List<String> candidates = new ArrayList<>(envelopeRecipients == null ? List.of() : envelopeRecipients);
        candidates.addAll(mail.to());
        candidates.addAll(mail.cc());
        return candidates.stream().map(address -> tokenOf(address, inboundDomain)).flatMap(Optional::stream).findFirst();
    }

    /** The token of the first {@code customer+<token>@} address among the envelope recipients, To and Cc (not verified). */
    public static Optional<String> customerTokenIn(InboundMail mail, List<String> envelopeRecipients, String inboundDomain) {
        List<String> candidates = new ArrayList<>(envelopeRecipients == null ? List.of() : envelopeRecipients);
        candidates.addAll(mail.to());
        candidates.addAll(mail.cc());
        return candidates.stream().map(address -> customerTokenOf(address, inboundDomain)).flatMap(Optional::stream).findFirst();
    }

    /** The token part of a reply address at our domain (verified or not), if the address is one. */
    public static Optional<String> tokenOf(String address, String inboundDomain) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(address.toLowerCase(Locale.ROOT).strip());
        if (!m.matches() || !m.group(2).equals(inboundDomain.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /** The token part of a customer address ({@code customer+<token>@} our domain), verified or not. */
    public static Optional<String> customerTokenOf(String address, String inboundDomain) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = CUSTOMER_ADDRESS.matcher(address.toLowerCase(Locale.ROOT).strip());
        if (!m.matches() || !m.group(2).equals(inboundDomain.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    private static String mac(SecretKeySpec key, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return base32(digest, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes, int characters) {
        StringBuilder out = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < characters) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}
