package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A stream batch's answer (ReportBatchItemFailures): Lambda retries the shard from the first failure's
 * sequence number. In a tumbling window the answer must also carry the window's {@code state}, or
 * Lambda takes the invocation as failed (Lambda developer guide, services-ddb-windows: the
 * TimeWindowEventResponse); without a window it is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamBatchResponse(JsonNode state, List<SqsBatchResponse.ItemFailure> batchItemFailures) {
}
