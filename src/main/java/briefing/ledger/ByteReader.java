package briefing.ledger;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link ByteWriter} wrote: variable-length integers and strings, in order. */
final class ByteReader {

    private final byte[] data;
    private int position;

    ByteReader(byte[] data) {
        this.data = data;
    }

    boolean hasMore() {
        return position < data.length;
    }

    int varint() {
        return (int) varlong();
    }

    long varlong() {
        long n = 0;
        int shift = 0;
        while (true) {
            byte b = data[position++];
            n |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return n;
            }
            shift += 7;
        }
    }

    String string() {
        int length = varint();
        String s = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    /** Skips a string without decoding it. */
    void skipString() {
        int length = varint();
        position += length;
    }
}
