package briefing.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a record id is: a 64-bit fingerprint of every id in the ledger, with its place (the block it is in,
 * and its index among the block's claims), side by side in one flat array (16 bytes a slot, at most half of
 * them used: some 32 MB for a million records; side by side, placing an id touches one cache line, not two).
 * An id whose fingerprint is absent is not in the ledger; one whose fingerprint is present is at one of
 * the places named, or (rarely, when two ids share a fingerprint) at none, which reading the block tells.
 * Not thread-safe.
 */
public final class IdIndex {

    private static final long EMPTY = 0;
    /** The low bits of a place hold the index in the block (a block holds at most some thousands), the rest the block. */
    private static final int INDEX_BITS = 24;
    private static final long LARGEST_BLOCK = (1L << (Long.SIZE - 1 - INDEX_BITS)) - 1;
    /** Slots written or read at a time when the index is stored: 1 MB. */
    private static final int STORED_CHUNK = 1 << 17;

    /** A record's block, and its index among the block's claims, fingerprints and texts. */
    public record Place(long block, int index) {
    }

    /** Slot {@code i} is {@code slots[2i]}, the fingerprint (or {@link #EMPTY}), and {@code slots[2i + 1]}, its place. */
    private long[] slots;
    private int size;

    public IdIndex() {
        this(0);
    }

    /** An index with room for {@code expected} ids before it grows. */
    public IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(1 << 10, expected) * 2 - 1) * 2;
        slots = new long[2 * capacity];
    }

    private IdIndex(long[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    /** The fingerprints of a block's ids, in its order of claims, as stored with it. */
    public static byte[] pack(List<String> ids) {
        ByteBuffer out = ByteBuffer.allocate(ids.size() * Long.BYTES);
        ids.forEach(id -> out.putLong(fingerprint(id)));
        return out.array();
    }

    /** Adds the id of the claim at {@code index} in the block. */
    public void add(String id, long block, int index) {
        put(fingerprint(id), place(block, index));
    }

    /** Adds the fingerprints of one block, as {@link #pack} stored them, in its order of claims. */
    public void addPacked(byte[] packed, long block) {
        long first = place(block, 0);
        if (packed.length / Long.BYTES > 1 << INDEX_BITS) {
            throw new IllegalArgumentException("Block " + block + " holds more claims than an index can place.");
        }
        for (int at = 0; at < packed.length; at += Long.BYTES) {
            put(fingerprintAt(packed, at), first + at / Long.BYTES);
        }
    }

    private static long place(long block, int index) {
        if (block < 0 || block > LARGEST_BLOCK || index < 0 || index >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("No place in an index for claim " + index + " of block " + block + ".");
        }
        return block << INDEX_BITS | index;
    }

    /** False when the ledger does not hold the id; true when one of its {@link #placesOf} may. */
    public boolean mayHold(String id) {
        return mayHoldFingerprint(fingerprint(id));
    }

    /** {@link #mayHold} of the id whose {@link #fingerprint} this is. */
    public boolean mayHoldFingerprint(long fingerprint) {
        for (int at = at(fingerprint); slots[at] != EMPTY; at = next(at)) {
            if (slots[at] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    /** The places that may hold the id; empty when the ledger does not hold it. */
    public List<Place> placesOf(String id) {
        long fingerprint = fingerprint(id);
        List<Place> found = new ArrayList<>(1);
        for (int at = at(fingerprint); slots[at] != EMPTY; at = next(at)) {
            if (slots[at] == fingerprint) {
                found.add(new Place(slots[at + 1] >>> INDEX_BITS, (int) (slots[at + 1] & ((1 << INDEX_BITS) - 1))));
            }
        }
        return found;
    }

    public int size() {
        return size;
    }

    private void put(long fingerprint, long place) {
        if (4 * (size + 1) > slots.length) {
            grow();
        }
        int at = at(fingerprint);
        while (slots[at] != EMPTY) {
            at = next(at);
        }
        slots[at] = fingerprint;
        slots[at + 1] = place;
        size++;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (int at = 0; at < old.length; at += 2) {
            if (old[at] != EMPTY) {
                put(old[at], old[at + 1]);
            }
        }
    }

    /**
     * Writes the index as {@link #readFrom} reads it: its size, its slots as they are (so that reading it places
     * no id again) and a checksum of them.
     */
    void writeTo(WritableByteChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(2 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(size).putLong(slots.length).flip();
        writeFully(head, channel);
        ByteBuffer buffer = ByteBuffer.allocateDirect(STORED_CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < slots.length; from += STORED_CHUNK) {
            int count = Math.min(STORED_CHUNK, slots.length - from);
            buffer.clear();
            buffer.asLongBuffer().put(slots, from, count);
            buffer.limit(count * Long.BYTES);
            writeFully(buffer, channel);
        }
        ByteBuffer tail = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        tail.putLong(checksum(slots, size)).flip();
        writeFully(tail, channel);
    }

    /** Reads an index that {@link #writeTo} wrote; an IOException if the bytes are not one, whole. */
    static IdIndex readFrom(ReadableByteChannel channel) throws IOException {
        ByteBuffer head = readFully(channel, ByteBuffer.allocate(2 * Long.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        long size = head.getLong();
        long length = head.getLong();
        if (length < 2L << 10 || length > 1L << 30 || Long.bitCount(length) != 1 || size < 0 || 4 * size > length) {
            throw new IOException("Not a stored index: " + size + " ids in " + length + " slots.");
        }
        long[] slots = new long[(int) length];
        ByteBuffer buffer = ByteBuffer.allocateDirect(STORED_CHUNK * Long.BYTES);
        for (int from = 0; from < slots.length; from += STORED_CHUNK) {
            int count = Math.min(STORED_CHUNK, slots.length - from);
            buffer.clear().limit(count * Long.BYTES);
            readFully(channel, buffer).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(slots, from, count);
        }
        long checksum = readFully(channel, ByteBuffer.allocate(Long.BYTES)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (checksum != checksum(slots, size)) {
            throw new IOException("A stored index whose checksum does not match.");
        }
        return new IdIndex(slots, (int) size);
    }

    private static long checksum(long[] slots, long size) {
        long sum = slots.length * 31L + size;
        for (long slot : slots) {
            sum = (sum ^ slot) * 0x9E3779B97F4A7C15L;
        }
        return sum;
    }

    static void writeFully(ByteBuffer buffer, WritableByteChannel channel) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Fills the buffer from the channel, and returns it flipped. */
    static ByteBuffer readFully(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("A stored index cut short.");
            }
        }
        return buffer.flip();
    }

    /** Where the fingerprint's probe starts: the index of its slot's first long. */
    private int at(long fingerprint) {
        long mixed = fingerprint * 0x9E3779B97F4A7C15L;
        return ((int) (mixed >>> 32) & (slots.length / 2 - 1)) * 2;
    }

    private int next(int at) {
        return (at + 2) & (slots.length - 1);
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
