package org.ipcspec.harness.history;

import java.util.Map;

/**
 * One sender's figures in a {@code receive_many}'s {@code batch_end} (docs/protocol.md#receive_many):
 * the counts are for diagnosis, the digest is the evidence. A field the implementation left out
 * reads as 0 (counts) or null (digest).
 *
 * @param received   messages of this sender collected by the batch
 * @param firstSeq   the first seq to arrive
 * @param lastSeq    the last seq to arrive
 * @param outOfOrder arrivals with a seq lower than one before them
 * @param duplicates arrivals of a seq already collected
 * @param digest     CRC-32C of the seqs in arrival order, 8 lower-case hex digits
 */
public record PerSender(long received, long firstSeq, long lastSeq, long outOfOrder, long duplicates, String digest) {

    static PerSender of(Map<?, ?> fields) {
        return new PerSender(count(fields, "received"), count(fields, "first_seq"), count(fields, "last_seq"),
            count(fields, "out_of_order"), count(fields, "duplicates"),
            fields.get("digest") instanceof String s ? s : null);
    }

    private static long count(Map<?, ?> fields, String key) {
        return fields.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** "received=4 first_seq=3 last_seq=6 out_of_order=0 duplicates=0", as the implementation reported it. */
    public String describe() {
        return "received=" + received + " first_seq=" + firstSeq + " last_seq=" + lastSeq + " out_of_order=" + outOfOrder
            + " duplicates=" + duplicates;
    }
}
