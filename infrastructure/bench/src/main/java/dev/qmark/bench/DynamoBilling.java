package dev.qmark.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's billing rules, applied to item images: what a read or a write costs on the table and
 * on each global secondary index, as AWS bills on-demand capacity (read request units and write
 * request units; with provisioned capacity the same numbers are capacity units).
 *
 * <ul>
 *   <li>Item size: each attribute's name in UTF-8 plus its value (strings in UTF-8, numbers about one
 *       byte per two significant digits plus one, binary as is, booleans and nulls one byte, maps and
 *       lists three bytes plus one per element plus their contents).</li>
 *   <li>A write: one unit per started KB of the larger of the item before and after (a write whose
 *       condition fails costs the same: DynamoDB reads the item to check it). In a transaction every
 *       item costs twice.</li>
 *   <li>Each global secondary index, against the change to what it stores: nothing when the index
 *       entry is the same before and after (or the item is in it neither before nor after); one
 *       write of the entry's size when it appears, disappears or its projected attributes change;
 *       two (a delete and a put) when its key changes. An index with projection ALL changes with
 *       every change of the item.</li>
 *   <li>A read: one unit per started 4 KB read consistently, half of it eventually consistent; a
 *       query adds up the sizes of every item it read (before any filter) and rounds once; reading
 *       nothing still costs the minimum.</li>
 * </ul>
 */
final class DynamoBilling {

    static final int WRITE_UNIT_BYTES = 1024;
    static final int READ_UNIT_BYTES = 4096;

    /** An index as the table declares it: its keys and what it projects. */
    record Index(String name, String hashKey, String rangeKey, String projectionType, Set<String> included) {

        /** The entry this index stores for {@code item}; null when the item is not in it (sparse). */
        Map<String, AttributeValue> entry(Map<String, AttributeValue> item, Set<String> tableKeys) {
            if (item == null || !item.containsKey(hashKey) || (rangeKey != null && !item.containsKey(rangeKey))) {
                return null;
            }
            if ("ALL".equals(projectionType)) {
                return item;
            }
            Map<String, AttributeValue> entry = new TreeMap<>();
            item.forEach((name, value) -> {
                if (tableKeys.contains(name) || name.equals(hashKey) || name.equals(rangeKey)
                        || ("INCLUDE".equals(projectionType) && included.contains(name))) {
                    entry.put(name, value);
                }
            });
            return entry;
        }

        boolean sameKey(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
            return Objects.equals(a.get(hashKey), b.get(hashKey))
                    && (rangeKey == null || Objects.equals(a.get(rangeKey), b.get(rangeKey)));
        }
    }

    private DynamoBilling() {
    }

    /** Write units of one item's change on the table (twice in a transaction) and its indexes. */
    static Units write(Map<String, AttributeValue> before, Map<String, AttributeValue> after, boolean transactional,
                       List<Index> indexes, Set<String> tableKeys) {
        long tableBytes = Math.max(size(before), size(after));
        double table = writeUnits(tableBytes) * (transactional ? 2 : 1);
        Map<String, Double> byIndex = new TreeMap<>();
        for (Index index : indexes) {
            double units = indexWrite(index.entry(before, tableKeys), index.entry(after, tableKeys), index);
            if (units > 0) {
                byIndex.put(index.name(), units);
            }
        }
        return new Units(0, table, byIndex);
    }

    private static double indexWrite(Map<String, AttributeValue> before, Map<String, AttributeValue> after, Index index) {
        if (before == null && after == null) {
            return 0;
        }
        if (before == null) {
            return writeUnits(size(after));
        }
        if (after == null) {
            return writeUnits(size(before));
        }
        if (!index.sameKey(before, after)) {
            return writeUnits(size(before)) + writeUnits(size(after));
        }
        return before.equals(after) ? 0 : writeUnits(Math.max(size(before), size(after)));
    }

    /** Read units of items read together (one GetItem, or one query page), consistently or not. */
    static double read(List<Map<String, AttributeValue>> items, boolean consistent, boolean transactional) {
        long bytes = items.stream().mapToLong(DynamoBilling::size).sum();
        double units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return units * (transactional ? 2 : consistent ? 1 : 0.5);
    }

    static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    /** An item's size as DynamoDB counts it; 0 for no item. */
    static long size(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            bytes += utf8(e.getKey()) + size(e.getValue());
        }
        return bytes;
    }

    static long size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(DynamoBilling::utf8).sum();
            case NS -> value.ns().stream().mapToLong(DynamoBilling::numberSize).sum();
            case BS -> value.bs().stream().map(SdkBytes::asByteArray).mapToLong(b -> b.length).sum();
            case M -> 3 + value.m().size() + size(value.m());
            case L -> 3 + value.l().size() + value.l().stream().mapToLong(DynamoBilling::size).sum();
            default -> 0;
        };
    }

    private static long numberSize(String number) {
        String digits = number.replaceAll("[^0-9]", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Units one call consumed: reads, writes on the table, writes on each index. */
    record Units(double read, double tableWrite, Map<String, Double> indexWrites) {
        static final Units NONE = new Units(0, 0, Map.of());

        double write() {
            return tableWrite + indexWrites.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        Units plus(Units other) {
            Map<String, Double> indexes = new TreeMap<>(indexWrites);
            other.indexWrites.forEach((k, v) -> indexes.merge(k, v, Double::sum));
            return new Units(read + other.read, tableWrite + other.tableWrite, indexes);
        }
    }
}
