package briefing.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which block holds a record id: a 64-bit fingerprint of every id in the ledger, with the block it is
 * in, in two flat arrays (16 bytes a slot, at most half of them used: some 32 MB for a million records).
 * An id whose fingerprint is absent is not in the ledger; one whose fingerprint is present is in one of
 * the blocks named, or (rarely, when two ids share a fingerprint) in none, which reading the block tells.
 * Not thread-safe.
 */
public final class IdIndex {

    private static final long EMPTY = 0;

    private long[] fingerprints;
    private long[] blocks;
    private int size;

    public IdIndex() {
        this(0);
    }

    /** An index with room for {@code expected} ids before it grows. */
    public IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(1 << 10, expected) * 2 - 1) * 2;
        fingerprints = new long[capacity];
        blocks = new long[capacity];
    }

    /** The fingerprints of a block's ids, in its order of claims, as stored with it. */
    public static byte[] pack(List<String> ids) {
        ByteBuffer out = ByteBuffer.allocate(ids.size() * Long.BYTES);
        ids.forEach(id -> out.putLong(fingerprint(id)));
        return out.array();
    }

    public void add(String id, long block) {
        put(fingerprint(id), block);
    }

    /** Adds the fingerprints of one block, as {@link #pack} stored them. */
    public void addPacked(byte[] packed, long block) {
        for (int at = 0; at < packed.length; at += Long.BYTES) {
            put(fingerprintAt(packed, at), block);
        }
    }

    /** False when the ledger does not hold the id; true when one of {@link #blocksOf} may. */
    public boolean mayHold(String id) {
        return holdsFingerprint(fingerprint(id));
    }

    boolean holdsFingerprint(long fingerprint) {
        for (int slot = slot(fingerprint); fingerprints[slot] != EMPTY; slot = (slot + 1) & (fingerprints.length - 1)) {
            if (fingerprints[slot] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    /** The blocks that may hold the id, each once; empty when the ledger does not hold it. */
    public List<Long> blocksOf(String id) {
        long fingerprint = fingerprint(id);
        List<Long> found = new ArrayList<>(1);
        for (int slot = slot(fingerprint); fingerprints[slot] != EMPTY; slot = (slot + 1) & (fingerprints.length - 1)) {
            if (fingerprints[slot] == fingerprint && !found.contains(blocks[slot])) {
                found.add(blocks[slot]);
            }
        }
        return found;
    }

    public int size() {
        return size;
    }

    private void put(long fingerprint, long block) {
        if (2 * (size + 1) > fingerprints.length) {
            grow();
        }
        int slot = slot(fingerprint);
        while (fingerprints[slot] != EMPTY) {
            slot = (slot + 1) & (fingerprints.length - 1);
        }
        fingerprints[slot] = fingerprint;
        blocks[slot] = block;
        size++;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        long[] oldBlocks = blocks;
        fingerprints = new long[oldFingerprints.length * 2];
        blocks = new long[oldBlocks.length * 2];
        size = 0;
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != EMPTY) {
                put(oldFingerprints[i], oldBlocks[i]);
            }
        }
    }

    private int slot(long fingerprint) {
        long mixed = fingerprint * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (fingerprints.length - 1);
    }

    /** The fingerprint stored at this offset of {@link #pack}ed bytes (big-endian, as a ByteBuffer writes it). */
    static long fingerprintAt(byte[] packed, int offset) {
        long n = 0;
        for (int i = offset; i < offset + Long.BYTES; i++) {
            n = (n << 8) | (packed[i] & 0xFF);
        }
        return n;
    }

    /** A 64-bit mix of the id's characters, never 0 (the mark of an empty slot). */
    public static long fingerprint(String id) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h = (h ^ id.length()) * 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return h == EMPTY ? 1 : h;
    }
}
