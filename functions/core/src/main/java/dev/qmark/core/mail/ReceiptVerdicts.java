package dev.qmark.core.mail;

import java.util.Locale;

/**
 * What the receiving system (SES) said about a received mail, as plain values: its spam and virus
 * scans and its SPF, DKIM and DMARC checks. The handler maps SES's receipt onto this; the rules
 * about what the verdicts mean are {@link dev.qmark.core.intake.InboundMailDecision}'s.
 */
public record ReceiptVerdicts(Verdict spam, Verdict virus, Verdict spf, Verdict dkim, Verdict dmarc) {

    /** No verdicts at all (an S3 notification carries none): nothing flagged, nobody authenticated. */
    public static final ReceiptVerdicts NONE =
            new ReceiptVerdicts(Verdict.NONE, Verdict.NONE, Verdict.NONE, Verdict.NONE, Verdict.NONE);

    /** SES's verdict statuses; NONE when a verdict is missing or unknown to Qmark. */
    public enum Verdict {
        PASS, FAIL, GRAY, PROCESSING_FAILED, DISABLED, NONE;

        /** A verdict from SES's status text ({@code "PASS"}, {@code "FAIL"}, ...); null or unknown is NONE. */
        public static Verdict of(String status) {
            if (status == null) {
                return NONE;
            }
            try {
                return valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return NONE;
            }
        }
    }

    public ReceiptVerdicts {
        spam = spam == null ? Verdict.NONE : spam;
        virus = virus == null ? Verdict.NONE : virus;
        spf = spf == null ? Verdict.NONE : spf;
        dkim = dkim == null ? Verdict.NONE : dkim;
        dmarc = dmarc == null ? Verdict.NONE : dmarc;
    }

    /** Only the SPF and DKIM outcomes kept (what a mail waiting for recovery remembers). */
    public static ReceiptVerdicts authenticated(SenderAuthentication authentication) {
        return new ReceiptVerdicts(Verdict.NONE, Verdict.NONE, authentication.spfPass() ? Verdict.PASS : Verdict.NONE,
                authentication.dkimPass() ? Verdict.PASS : Verdict.NONE, Verdict.NONE);
    }

    /** Whether SPF and DKIM passed, as the founder's and staff commands read it. */
    public SenderAuthentication authentication() {
        return new SenderAuthentication(spf == Verdict.PASS, dkim == Verdict.PASS);
    }
}
