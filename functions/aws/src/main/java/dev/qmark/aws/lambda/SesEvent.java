package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.qmark.core.mail.ReceiptVerdicts;
import java.util.List;

/**
 * An SES receipt rule's Lambda action event. The mail itself is not in it: the rule's S3
 * action stored it first, under the receipt rule's prefix plus {@code mail.messageId}.
 */
public record SesEvent(@JsonProperty("Records") List<Record> records) {

    public record Record(String eventSource, Ses ses) {
    }

    public record Ses(Mail mail, Receipt receipt) {
    }

    public record Mail(String messageId, String source, String timestamp, List<String> destination) {
    }

    public record Receipt(List<String> recipients, Verdict spamVerdict, Verdict virusVerdict, Verdict spfVerdict,
                          Verdict dkimVerdict, Verdict dmarcVerdict) {

        /** The verdicts as plain values; what they mean is core's ({@code InboundMailDecision}). */
        public ReceiptVerdicts verdicts() {
            return new ReceiptVerdicts(of(spamVerdict), of(virusVerdict), of(spfVerdict), of(dkimVerdict), of(dmarcVerdict));
        }

        private static ReceiptVerdicts.Verdict of(Verdict verdict) {
            return ReceiptVerdicts.Verdict.of(verdict == null ? null : verdict.status());
        }
    }

    public record Verdict(String status) {
        public boolean passed() {
            return "PASS".equalsIgnoreCase(status);
        }
    }
}
