package briefing.job;

import java.util.BitSet;

/**
 * A Bloom filter of the record ids a run loaded: {@link #mightContain} is false only for an id the run
 * did not load. Its size is fixed (8 MB), so memory stays flat; beyond some ten million ids it answers
 * "might" more and more often, which costs lookups, never correctness. Not thread-safe.
 */
final class LoadedIds {

    private static final int BITS = 1 << 26;
    private static final int HASHES = 4;

    private final BitSet bits = new BitSet(BITS);

    void add(String id) {
        long h = hash(id);
        for (int i = 0; i < HASHES; i++) {
            bits.set(index(h, i));
        }
    }

    boolean mightContain(String id) {
        long h = hash(id);
        for (int i = 0; i < HASHES; i++) {
            if (!bits.get(index(h, i))) {
                return false;
            }
        }
        return true;
    }

    /** Two 32-bit hashes in one long, combined as h1 + i * h2 (double hashing). */
    private static int index(long h, int i) {
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        return (h1 + i * h2) & (BITS - 1);
    }

    /** A 64-bit mix of the id's characters (String.hashCode alone is too weak for ids like "g123"). */
    private static long hash(String id) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
