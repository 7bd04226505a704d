package dev.qmark.aws.lambda;

import java.util.List;

/** The partial batch response (ReportBatchItemFailures): only these messages come back. */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    public record ItemFailure(String itemIdentifier) {
    }
}
