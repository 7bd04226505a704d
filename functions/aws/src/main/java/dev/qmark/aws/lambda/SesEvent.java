package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.qmark.core.mail.SenderAuthentication;
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

        /** The SPF and DKIM verdicts as the domain reads them: PASS or not (FAIL, GRAY, missing...). */
        public SenderAuthentication authentication() {
            return new SenderAuthentication(spfVerdict != null && spfVerdict.passed(),
                    dkimVerdict != null && dkimVerdict.passed());
        }
    }

    public record Verdict(String status) {
        public boolean passed() {
            return "PASS".equalsIgnoreCase(status);
        }
    }
}
