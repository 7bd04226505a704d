package dev.qmark.core.figures;

import java.util.List;

/**
 * One stream record's facts and its place in its shard: the figures remember, per cell and shard,
 * the last sequence number they counted ({@link CellInShard}), so a record handed over again is
 * recognised by its number alone.
 *
 * @param sequence the record's sequence number in its shard, as the stream gives it (digits)
 */
public record StreamChange(String sequence, List<Fact> facts) {

    /** DynamoDB stream sequence numbers are 21 to 40 digits; padded to this they compare as text as they do as numbers. */
    public static final int SEQUENCE_DIGITS = 40;

    public StreamChange {
        facts = List.copyOf(facts);
        padded(sequence); // refuses what is no sequence number before anything is counted by it
    }

    /** The sequence number left-padded with zeros to {@link #SEQUENCE_DIGITS}: text order is number order. */
    public static String padded(String sequence) {
        if (sequence == null || sequence.isEmpty() || sequence.length() > SEQUENCE_DIGITS || !sequence.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a stream sequence number: " + sequence);
        }
        return "0".repeat(SEQUENCE_DIGITS - sequence.length()) + sequence;
    }

    public String paddedSequence() {
        return padded(sequence);
    }
}
