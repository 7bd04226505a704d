package dev.qmark.aws.dynamodb;

import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.CellInShard;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Histogram;
import dev.qmark.core.figures.StreamChange;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.ports.DailyFigures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link DailyFigures} on the table. A day is one partition, {@code DAY#{yyyy-MM-dd}}:
 * <pre>
 * DAY#{day}  CELL#{groups, sorted, '|'-joined}         one cell's counts and histogram buckets (h0…h27), maxMinutes, its groups,
 *                                                     and per stream shard the last record it counted: seq:{shard}
 * DAY#{day}  FACT#{kind}#{at}#{itemId}#{step}          a listed fact counted, with what the digest shows of it (expires after 400 days)
 * DAY#{day}  SEEN#{kind}#{at}#{itemId}#{step}          an unlisted fact (asked) counted: its key only (expires after 30 days)
 * RATED#{itemId}#{step}  COUNTED                      the rating counted of a source that may change it (a letter's), with its day and fact's key
 * DAY#{day}  AGG#{dimension}#{value}                    one group's figures, as kept before the cells: read with them, never written
 * </pre>
 * A stream batch whose shard is known ({@link #countInShard}) is counted without markers: its listed
 * facts are plain puts (the same item again on a repeat), then one conditional UpdateItem per cell
 * adds the records after the last one that cell counted from the shard and remembers the new last
 * one ({@link CellInShard}).
 *
 * <p>Without the shard, a change's facts (one stream record's) are counted in one transaction: its first fact's item,
 * put only if absent (so a record seen twice counts once), and one ADD per cell it counts in
 * (usually one: a change's facts share their groups and mostly their day). Its other listed facts
 * are plain puts after the transaction, also when the transaction finds the change counted: a
 * crash between the two leaves the counts right, and the record's retry puts the same items again.
 * The largest time to answer is a conditional SET outside the transaction (an item appears once per
 * transaction): it only ever raises the value, so doing it again after a crash or on a repeat is
 * harmless.
 */
public final class DynamoDailyFigures implements DailyFigures {

    /** Facts are read back for the digest and the town-hall report; a year and a month is plenty. */
    static final Duration FACTS_KEPT = Duration.ofDays(400);
    /** An unlisted fact's key only has to outlive its stream record's retries (a stream keeps records 24 hours). */
    static final Duration SEEN_KEPT = Duration.ofDays(30);
    /** The sort key's start of a day's figures per group as kept before the cells: still read, never written. */
    static final String LEGACY_AGGREGATE = "AGG#";
    /** DynamoDB's limit of items in one transaction. */
    static final int MOST_ITEMS = 100;
    /** How often a cell's write is tried after finding the cell moved on meanwhile (the same records counted concurrently). */
    static final int CELL_ATTEMPTS = 5;

    private final TableWrites writes;

    public DynamoDailyFigures(DynamoDbClient dynamo, String table) {
        this.writes = new TableWrites(dynamo, table);
    }

    static String dayPk(LocalDate day) {
        return "DAY#" + day;
    }

    /** Ratings sort by their value first, so the 1s and 2s of a day are read without the rest. */
    static String factSk(Fact f) {
        return "FACT#" + f.kind().wireName() + "#" + (f.kind() == Fact.Kind.RATED ? f.rating() + "#" : "")
                + StoredTime.format(f.at()) + "#" + f.itemId() + "#" + f.step();
    }

    static String cellSk(List<String> groups) {
        return "CELL#" + Cell.key(groups);
    }

    @Override
    public boolean count(List<Fact> made) {
        return !made.isEmpty() && countTogether(List.of(made));
    }

    /**
     * A stream batch's changes in as few transactions as fit ({@link #MOST_ITEMS} items each): every
     * change's marker and each cell once for the lot. When one of the changes was counted before (a
     * batch retried, or handed over cut differently), that transaction writes nothing and each of its
     * changes is counted on its own.
     */
    @Override
    public int countAll(List<List<Fact>> changes) {
        int counted = 0;
        List<List<Fact>> lot = new ArrayList<>();
        Set<String> markers = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (List<Fact> change : changes) {
            if (change.isEmpty()) {
                continue;
            }
            Set<String> more = new HashSet<>(cells);
            change.forEach(f -> more.add(f.day() + "|" + Cell.key(f.groups())));
            if (markers.contains(markerKey(change.get(0))) || markers.size() + 1 + more.size() > MOST_ITEMS) {
                counted += countLot(lot);
                lot.clear();
                markers.clear();
                more.clear();
                change.forEach(f -> more.add(f.day() + "|" + Cell.key(f.groups())));
            }
            lot.add(change);
            markers.add(markerKey(change.get(0)));
            cells = more;
        }
        return counted + countLot(lot);
    }

    private int countLot(List<List<Fact>> lot) {
        if (lot.isEmpty()) {
            return 0;
        }
        if (lot.size() == 1) {
            return countTogether(lot) ? 1 : 0;
        }
        if (countTogether(lot)) {
            return lot.size();
        }
        int counted = 0;
        for (List<Fact> change : lot) {
            if (countTogether(List.of(change))) {
                counted++;
            }
        }
        return counted;
    }

    /**
     * The listed facts first, as plain puts: a crash after them has counted nothing, and the retry
     * puts the same items again. Then each cell once ({@link #countInCell}).
     */
    @Override
    public int countInShard(String shard, List<StreamChange> changes) {
        for (StreamChange change : changes) {
            for (Fact f : change.facts()) {
                if (f.kind().listed()) {
                    writes.dynamo().putItem(p -> p.tableName(writes.table()).item(factItem(f)));
                }
            }
        }
        Set<String> countedNow = new HashSet<>();
        for (CellInShard cell : CellInShard.of(changes)) {
            countedNow.addAll(countInCell(shardAttribute(shard), cell));
        }
        return countedNow.size();
    }

    /**
     * The cell's attribute remembering a shard's last record counted: top level, because an update
     * cannot SET a path inside a map that is not there yet. The {@code shardId-} every DynamoDB shard
     * id starts with is left out: it would only make every cell longer.
     */
    static String shardAttribute(String shard) {
        return "seq:" + (shard.startsWith("shardId-") ? shard.substring("shardId-".length()) : shard);
    }

    /**
     * One UpdateItem: ADD the records' tallies, SET the shard's last sequence number, on condition that
     * the cell has counted none of them (no number yet, or an earlier one). The condition fails only
     * when records come again (a batch retried, or handed over cut differently): then the cell as it
     * is (returned by the failed write; read consistently where an emulator returns nothing) says how
     * far it has counted, and only the records after that are added, on condition that the number is
     * still the one seen. Returns the sequence numbers counted now.
     */
    private List<String> countInCell(String attribute, CellInShard cell) {
        Map<String, AttributeValue> key = Item.key(dayPk(cell.day()), cellSk(cell.groups()));
        CellInShard fresh = cell;
        String seen = null;
        boolean firstTry = true;
        for (int attempt = 0; attempt < CELL_ATTEMPTS; attempt++) {
            try {
                Map<String, AttributeValue> after = writes.dynamo().updateItem(
                        addInShard(key, cell, fresh, attribute, firstTry, seen)).attributes();
                raiseMaxIfLower(cell, after);
                return fresh.sequences();
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> now = e.hasItem() && !e.item().isEmpty() ? e.item()
                        : writes.get(key.get(QmarkTable.PK).s(), key.get(QmarkTable.SK).s());
                AttributeValue counted = now.get(attribute);
                seen = counted == null ? null : counted.s();
                fresh = cell.after(seen);
                firstTry = false;
                if (fresh.isEmpty()) {
                    raiseMaxIfLower(cell, now); // counted before; the raise after it may not have been
                    return List.of();
                }
            }
        }
        throw new IllegalStateException("the cell " + key + " kept moving while its records were counted");
    }

    private UpdateItemRequest addInShard(Map<String, AttributeValue> key,
            CellInShard cell, CellInShard fresh, String attribute, boolean firstTry, String seen) {
        Update add = add(cell.day(), cell.groups(), fresh.tally());
        Map<String, String> names = new HashMap<>(add.expressionAttributeNames());
        Map<String, AttributeValue> values = new HashMap<>(add.expressionAttributeValues());
        names.put("#seq", attribute);
        values.put(":last", AttributeValue.fromS(fresh.last()));
        String set = "SET #seq = :last, ";
        if (fresh.tally().maxMinutes() != null) {
            // the cell's first answer sets the largest time in the same write; a later, larger one raises it after
            set += "maxMinutes = if_not_exists(maxMinutes, :max), ";
            values.put(":max", AttributeValue.fromN(Long.toString(fresh.tally().maxMinutes())));
        }
        String condition;
        if (firstTry) {
            condition = "attribute_not_exists(#seq) OR #seq < :first";
            values.put(":first", AttributeValue.fromS(fresh.first()));
        } else if (seen == null) {
            condition = "attribute_not_exists(#seq)";
        } else {
            condition = "#seq = :seen";
            values.put(":seen", AttributeValue.fromS(seen));
        }
        return UpdateItemRequest.builder().tableName(writes.table()).key(key)
                .updateExpression(add.updateExpression().replaceFirst("^SET ", set))
                .conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** Raises the cell's largest time to answer to its records' when the cell (as written or read) holds less. */
    private void raiseMaxIfLower(CellInShard cell, Map<String, AttributeValue> now) {
        Long max = cell.tally().maxMinutes();
        AttributeValue held = now == null ? null : now.get("maxMinutes");
        if (max != null && (held == null || Long.parseLong(held.n()) < max)) {
            raiseMax(cell.day(), cell.groups(), max);
        }
    }

    /**
     * One transaction: each change's first fact (or its small marker) put only if absent, one ADD per
     * cell for all their facts; then the changes' other listed facts as plain puts and the largest
     * times to answer raised, also when the transaction found them counted (a crash may have come
     * between). False when one of the changes was counted before: then no count changed.
     */
    private boolean countTogether(List<List<Fact>> changes) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Fact> all = new ArrayList<>();
        for (List<Fact> change : changes) {
            items.add(writes.put(keptItem(change.get(0)), "attribute_not_exists(pk)", null));
            all.addAll(change);
        }
        List<Cell> cells = Cell.sum(all);
        for (Cell cell : cells) {
            items.add(TransactWriteItem.builder().update(add(cell.day(), cell.groups(), cell.tally())).build());
        }
        boolean counted = writes.transact(items.toArray(TransactWriteItem[]::new));
        if (!counted && changes.size() > 1) {
            return false; // counted one by one next: each puts its own facts then
        }
        for (List<Fact> change : changes) {
            for (Fact f : change.subList(1, change.size())) {
                if (f.kind().listed()) {
                    writes.dynamo().putItem(p -> p.tableName(writes.table()).item(factItem(f)));
                }
            }
        }
        for (Cell cell : cells) {
            if (cell.tally().maxMinutes() != null) {
                raiseMax(cell.day(), cell.groups(), cell.tally().maxMinutes());
            }
        }
        return counted;
    }

    private static String markerKey(Fact f) {
        return f.day() + "|" + keptItem(f).get(QmarkTable.SK).s();
    }

    /**
     * One transaction: the source's marker moves from the rating counted before to this one
     * (conditional on what was read), the earlier fact is deleted and its counts taken back out of
     * its day, this fact is put and counted. A rating no later than the marker's is a repeat or a
     * stale record: nothing is written.
     */
    @Override
    public boolean countReplacing(Fact rating) {
        String markerPk = "RATED#" + rating.itemId() + "#" + rating.step();
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> was = writes.get(markerPk, "COUNTED");
            Fact before = was.isEmpty() ? null : fact(LocalDate.parse(Item.of(was).s("day")), was);
            if (before != null && !before.at().isBefore(rating.at())) {
                return false;
            }
            Map<String, AttributeValue> marker = new HashMap<>(factItem(rating));
            marker.putAll(Item.key(markerPk, "COUNTED"));
            marker.put("type", AttributeValue.fromS("rated-counted"));
            marker.put("day", AttributeValue.fromS(rating.day().toString()));
            marker.put("factSk", AttributeValue.fromS(factSk(rating)));
            List<TransactWriteItem> items = new ArrayList<>();
            Map<String, Cell> deltas = new java.util.LinkedHashMap<>();
            if (before == null) {
                items.add(writes.put(marker, "attribute_not_exists(pk)", null));
            } else {
                items.add(writes.put(marker, "factSk = :was", Map.of(":was", AttributeValue.fromS(factSk(before)))));
                items.add(TransactWriteItem.builder().delete(d -> d.tableName(writes.table())
                        .key(Item.key(dayPk(before.day()), factSk(before)))).build());
                deltas.put(before.day() + "|" + Cell.key(before.groups()), new Cell(before.day(), before.groups(), before.tally().negated()));
            }
            items.add(writes.put(factItem(rating), "attribute_not_exists(pk)", null));
            deltas.merge(rating.day() + "|" + Cell.key(rating.groups()), Cell.of(rating),
                    (a, b) -> new Cell(a.day(), a.groups(), a.tally().plus(b.tally())));
            deltas.values().forEach(c -> {
                if (!c.tally().equals(Tally.ZERO)) {
                    items.add(TransactWriteItem.builder().update(add(c.day(), c.groups(), c.tally())).build());
                }
            });
            if (writes.transact(items.toArray(TransactWriteItem[]::new))) {
                return true;
            }
        }
        return false;
    }

    /** Adds a tally to a day's cell, creating it with its groups the first time. */
    private Update add(LocalDate day, List<String> groups, Tally t) {
        StringBuilder expression = new StringBuilder("SET #groups = :groups, #day = :day ADD ");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":groups", AttributeValue.fromS(String.join("\n", groups)));
        values.put(":day", AttributeValue.fromS(day.toString()));
        List<String> adds = new ArrayList<>();
        counter(adds, values, "received", t.received());
        counter(adds, values, "asked", t.asked());
        counter(adds, values, "answered", t.answered());
        counter(adds, values, "breaches", t.breaches());
        counter(adds, values, "handOns", t.handOns());
        counter(adds, values, "ratings", t.ratings());
        counter(adds, values, "ratingSum", t.ratingSum());
        counter(adds, values, "lowRatings", t.lowRatings());
        for (int i = 0; i < Histogram.BUCKETS; i++) {
            counter(adds, values, "h" + i, t.buckets()[i]);
        }
        expression.append(String.join(", ", adds));
        return Update.builder().tableName(writes.table())
                .key(Item.key(dayPk(day), cellSk(groups)))
                .updateExpression(expression.toString())
                .expressionAttributeNames(Map.of("#day", "day", "#groups", "groups"))
                .expressionAttributeValues(values).build();
    }

    private static void counter(List<String> adds, Map<String, AttributeValue> values, String name, long n) {
        if (n != 0) {
            adds.add(name + " :" + name);
            values.put(":" + name, AttributeValue.fromN(Long.toString(n)));
        }
    }

    private void raiseMax(LocalDate day, List<String> groups, long minutes) {
        writes.update(u -> u.key(Item.key(dayPk(day), cellSk(groups)))
                .updateExpression("SET maxMinutes = :m")
                .conditionExpression("attribute_not_exists(maxMinutes) OR maxMinutes < :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromN(Long.toString(minutes)))));
    }

    private static Map<String, AttributeValue> factItem(Fact f) {
        return Item.create().s(QmarkTable.PK, dayPk(f.day())).s(QmarkTable.SK, factSk(f)).s("type", "fact")
                .s("kind", f.kind().wireName()).s("itemId", f.itemId()).n("step", f.step()).time("at", f.at())
                .s("groups", String.join("\n", f.groups())).n("minutes", f.minutes()).n("rating", f.rating())
                .s("title", f.title()).s("who", f.who()).s("words", f.words()).s("detail", f.detail())
                .n(QmarkTable.TTL_ATTRIBUTE, f.at().plus(FACTS_KEPT).getEpochSecond())
                .build();
    }

    /** What makes a fact count once: the fact itself when it is listed, else a small item with its key. */
    private static Map<String, AttributeValue> keptItem(Fact f) {
        if (f.kind().listed()) {
            return factItem(f);
        }
        return Item.create().s(QmarkTable.PK, dayPk(f.day()))
                .s(QmarkTable.SK, "SEEN#" + f.kind().wireName() + "#" + StoredTime.format(f.at()) + "#" + f.itemId() + "#" + f.step())
                .s("type", "fact-seen").n(QmarkTable.TTL_ATTRIBUTE, f.at().plus(SEEN_KEPT).getEpochSecond()).build();
    }

    private static Fact fact(LocalDate day, Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        AttributeValue minutes = values.get("minutes");
        return new Fact(Fact.Kind.fromWire(item.s("kind")), item.s("itemId"), item.integer("step"), item.time("at"), day,
                List.of(item.s("groups").split("\n")), minutes == null ? null : Long.valueOf(minutes.n()),
                item.integer("rating"), item.s("title"), item.s("who"), item.s("words"), item.s("detail"));
    }

    /** The days' cells, each day one query, the days read at the same time ({@link DaysReadTogether}). */
    @Override
    public List<Cell> cells(LocalDate from, LocalDate to) {
        return DaysReadTogether.read(from, to, day -> cellsAndAggregates(day).stream().map(v -> cell(day, v)).toList());
    }

    @Override
    public List<Fact> facts(LocalDate day, Fact.Kind kind, int limit) {
        return query(day, "FACT#" + kind.wireName() + "#", limit).stream().map(v -> fact(day, v)).toList();
    }

    /** Each day one query, the days read at the same time ({@link DaysReadTogether}). */
    @Override
    public List<Fact> facts(LocalDate from, LocalDate to, Fact.Kind kind, int limitPerDay) {
        return DaysReadTogether.read(from, to, day -> facts(day, kind, limitPerDay));
    }

    @Override
    public List<Fact> ratings(LocalDate day, int rating, int limit) {
        return query(day, "FACT#" + Fact.Kind.RATED.wireName() + "#" + rating + "#", limit).stream().map(v -> fact(day, v)).toList();
    }

    /**
     * Puts days' figures whole: for rebuilding them from the items (and for the bench, which fills a
     * table with a year of them); the stream's way is {@link #count}, once per change.
     */
    public void putAll(List<Cell> cells, List<Fact> facts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Cell c : cells) {
            Tally t = c.tally();
            Item item = Item.create().s(QmarkTable.PK, dayPk(c.day())).s(QmarkTable.SK, cellSk(c.groups()))
                    .s("groups", String.join("\n", c.groups())).s("day", c.day().toString())
                    .n("received", t.received()).n("asked", t.asked()).n("answered", t.answered())
                    .n("breaches", t.breaches()).n("handOns", t.handOns()).n("ratings", t.ratings())
                    .n("ratingSum", t.ratingSum()).n("lowRatings", t.lowRatings()).n("maxMinutes", t.maxMinutes());
            for (int i = 0; i < Histogram.BUCKETS; i++) {
                if (t.buckets()[i] != 0) {
                    item.n("h" + i, t.buckets()[i]);
                }
            }
            items.add(item.build());
        }
        facts.forEach(f -> items.add(keptItem(f)));
        for (int i = 0; i < items.size(); i += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> batch = items.subList(i, Math.min(i + 25, items.size()))
                    .stream().map(v -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(v)).build()).toList();
            Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> left = Map.of(writes.table(), batch);
            while (!left.isEmpty()) {
                Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> request = left;
                left = writes.dynamo().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    /** One day's items whose sort key starts with {@code prefix}, eventually consistent (a report may lag a second). */
    private List<Map<String, AttributeValue>> query(LocalDate day, String prefix, int limit) {
        return query(day, "begins_with(sk, :prefix)", Map.of(":prefix", AttributeValue.fromS(prefix)), limit);
    }

    /**
     * One day's cells and, from before the cells, its aggregates ({@code AGG#{dimension}#{value}}, one
     * group's figures each: read as a cell of that one group, so a day counted partly before and
     * partly after the change still adds up): one query, as {@code AGG#} and {@code CELL#} sort
     * together, before the day's facts. A day without old aggregates reads its cells only.
     */
    private List<Map<String, AttributeValue>> cellsAndAggregates(LocalDate day) {
        return query(day, "sk BETWEEN :first AND :last",
                Map.of(":first", AttributeValue.fromS(LEGACY_AGGREGATE), ":last", AttributeValue.fromS("CELL$")), Integer.MAX_VALUE);
    }

    private List<Map<String, AttributeValue>> query(LocalDate day, String skCondition, Map<String, AttributeValue> skValues,
                                                    int limit) {
        Map<String, AttributeValue> values = new HashMap<>(skValues);
        values.put(":pk", AttributeValue.fromS(dayPk(day)));
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = writes.dynamo().query(QueryRequest.builder().tableName(writes.table())
                    .keyConditionExpression("pk = :pk AND " + skCondition)
                    .expressionAttributeValues(values)
                    .limit(Math.min(limit - found.size(), 1000)).exclusiveStartKey(from).build());
            found.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    private static Cell cell(LocalDate day, Map<String, AttributeValue> values) {
        long[] buckets = new long[Histogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = number(values, "h" + i);
        }
        AttributeValue max = values.get("maxMinutes");
        Tally tally = new Tally(number(values, "received"), number(values, "asked"), number(values, "answered"),
                number(values, "breaches"), number(values, "handOns"), number(values, "ratings"), number(values, "ratingSum"),
                number(values, "lowRatings"), max == null ? null : Long.valueOf(max.n()), buckets);
        String sk = values.get(QmarkTable.SK).s();
        List<String> groups = sk.startsWith(LEGACY_AGGREGATE) ? List.of(sk.substring(LEGACY_AGGREGATE.length()))
                : List.of(values.get("groups").s().split("\n"));
        return new Cell(day, groups, tally);
    }

    private static long number(Map<String, AttributeValue> values, String name) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
