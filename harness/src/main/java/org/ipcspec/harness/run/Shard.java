package org.ipcspec.harness.run;

/**
 * A stable slice of the scenarios, so that CI jobs can split a run: shard {@code index} of
 * {@code count} takes the scenarios whose location hashes to it. The hash is of the scenario's
 * location (file and line), which does not change from run to run or machine to machine, so N
 * shards together hold every scenario exactly once.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N: got " + index + "/" + count);
        }
    }

    /** Parses "K/N". */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is written K/N, e.g. 2/4: got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written K/N with whole numbers, e.g. 2/4: got '" + text + "'");
        }
    }

    public boolean includes(String location) {
        return Math.floorMod(fnv1a(location), count) == index - 1;
    }

    /** FNV-1a: String.hashCode would do, but a spelled-out hash says the slicing is meant to be fixed. */
    static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x01000193;
        }
        return hash;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
