package dev.qmark.aws.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The single table's shape: keys, indexes and TTL. template.yaml declares the same (a test
 * compares them); this class creates it where there is no CloudFormation (local system, tests).
 *
 * <pre>
 * pk                 sk                  what
 * FB#{id}            ITEM                a feedback item            (byTime, byCustomer)
 * FB#{id}            ESC#{step:000}      an escalation               (byDeadline while open or late)
 * FB#{id}            EVT#{at}#{type}     a timeline event
 * SUBMISSION#{hash}  SUBMISSION          de-duplication of submissions (expires by TTL)
 * REVIEW#{mailId}    REVIEW              a mail kept for review      (byTime, listPk REVIEW)
 * MAIL#{messageId}   MAIL                written before issue 15 only: a received mail mail-intake started (byDeadline, shard MAIL)
 * DAY#{yyyy-MM-dd}   CELL#{groups}       a day's figures of one combination of groups (see DynamoDailyFigures)
 * DAY#{yyyy-MM-dd}   FACT#{kind}#{at}#…  a fact counted in them (expires by TTL)
 * </pre>
 *
 * <p>Feedback items not asked yet are in byDeadline too (shard FEEDBACK): the recovery's lists.
 */
public final class QmarkTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String BY_TIME = "byTime";
    public static final String BY_CUSTOMER = "byCustomer";
    /**
     * Sparse: only escalations whose clock matters carry {@code deadlineShard}: {@code OPEN} (the
     * sweeper's list, by the time of their next check: a reminder or the deadline) and {@code LATE}
     * (breached and followed up, by deadline). Answered ones leave it, so a sweep reads what is due,
     * whatever the size of the table. Recovery's list shares it: {@code FEEDBACK} (stored, not asked
     * yet), by its next recovery check. (Received mail is no longer on it: mail-intake's recovery takes
     * the invocations Lambda gave up on from its DLQ, see MailIntake.)
     */
    public static final String BY_DEADLINE = "byDeadline";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private QmarkTable() {
    }

    public static void create(DynamoDbClient dynamo, String tableName) {
        create(dynamo, tableName, true);
    }

    /**
     * The table without its stream: for the benches, where nothing reads the stream and DynamoDB
     * Local writes a year of items faster without keeping a record of each.
     */
    public static void createWithoutStream(DynamoDbClient dynamo, String tableName) {
        create(dynamo, tableName, false);
    }

    private static void create(DynamoDbClient dynamo, String tableName, boolean stream) {
        try {
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            string(PK), string(SK), string("listPk"), string("listSk"), string("customer"),
                            string("deadlineShard"), string("nextCheckAt"))
                    .keySchema(hash(PK), range(SK))
                    .globalSecondaryIndexes(INDEXES.stream().map(QmarkTable::index).toList());
            if (stream) {
                // the figures function keeps the daily aggregates from it (template.yaml: StreamSpecification)
                request.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
            dynamo.createTable(request.build());
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(TTL_ATTRIBUTE).enabled(true).build())
                    .build());
        } catch (ResourceInUseException alreadyThere) {
            // a data directory from an earlier run: the table is there already
        }
    }

    /** CloudFormation's limit on an index's {@code NonKeyAttributes}. */
    static final int MAX_INCLUDED = 20;

    /**
     * A global secondary index, its string keys and what it projects besides the keys: every
     * attribute ({@code ALL}, when {@code included} is null), or only the ones named. An index
     * entry is written again whenever a projected attribute changes, so the feedback lists hold
     * keys only (their pages read the items), and byTime projects just what a review entry shows
     * (written once; of a feedback item only its subject, which never changes).
     */
    public record Index(String name, String hashKey, String rangeKey, List<String> included) {

        public Index {
            if (included != null && included.size() > MAX_INCLUDED) {
                throw new IllegalArgumentException(name + " projects " + included.size() + " attributes, CloudFormation allows "
                        + MAX_INCLUDED);
            }
        }

        public ProjectionType projectionType() {
            return included == null ? ProjectionType.ALL : included.isEmpty() ? ProjectionType.KEYS_ONLY : ProjectionType.INCLUDE;
        }
    }

    public static final List<Index> INDEXES = List.of(
            new Index(BY_TIME, "listPk", "listSk", List.of("mailId", "rawLocation", "from", "subject", "reason", "at")),
            new Index(BY_CUSTOMER, "customer", "listSk", List.of()),
            new Index(BY_DEADLINE, "deadlineShard", "nextCheckAt", List.of(
                    // an escalation, as the sweeper and the escalation listings read it (DynamoSweepList): not its
                    // events, texts or claims, which would make every sweep's write rewrite a large entry; its
                    // feedback id and step are its keys'; an answered one is not on the index; a handed-on one
                    // (handedTo set) is read from the table
                    "owner", "ownerEmail", "status", "askedAt", "dueAt", "reminderTimes", "remindersSent", "breachedAt",
                    "sweepFailures", "sweepProblem", "sweepFailedAt", "stuckAt", "handedTo",
                    // a received mail, as the recovery read it before issue 15 (nothing writes them now; an existing
                    // index's projection cannot change in place, see docs/cost.md); a feedback item's id is its key's
                    "location", "recipients", "quarantine", "spfPass", "dkimPass", "attempts")));

    private static GlobalSecondaryIndex index(Index index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (index.projectionType() == ProjectionType.INCLUDE) {
            projection.nonKeyAttributes(index.included());
        }
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(hash(index.hashKey()), range(index.rangeKey())).projection(projection.build()).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
