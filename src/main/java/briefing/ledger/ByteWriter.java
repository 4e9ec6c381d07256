package briefing.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array with variable-length integers and strings, for the packed forms of the ledger.
 * Not a ByteArrayOutputStream, whose every write takes a lock: packing a million claims made those locks
 * a visible share of the ingest.
 */
final class ByteWriter {

    private byte[] bytes;
    private int size;

    ByteWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] b, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    void varint(int n) {
        varlong(n & 0xFFFFFFFFL);
    }

    void varlong(long n) {
        while ((n & ~0x7FL) != 0) {
            write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        write((int) n);
    }

    void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        write(utf8, 0, utf8.length);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
