package dev.qmark.core.mail;

/**
 * What the receiving system could verify about who sent a mail: whether its SPF check and its
 * DKIM signature check passed (SES receipt verdicts {@code PASS}). Anything else — FAIL, GRAY,
 * PROCESSING_FAILED, no verdict at all — is "not passed".
 *
 * @param spfPass  the sending server was allowed to send for the envelope sender's domain
 * @param dkimPass the mail carries a valid DKIM signature
 */
public record SenderAuthentication(boolean spfPass, boolean dkimPass) {

    /** No verdicts were given (an S3 notification carries none): counts as not authenticated. */
    public static final SenderAuthentication UNKNOWN = new SenderAuthentication(false, false);

    /** At least one of SPF and DKIM passed. */
    public boolean passes() {
        return spfPass || dkimPass;
    }

    /** "SPF pass, DKIM not passed": for review reasons. */
    public String describe() {
        return "SPF " + (spfPass ? "pass" : "not passed") + ", DKIM " + (dkimPass ? "pass" : "not passed");
    }
}
