package briefing.job;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Byte-array streams without the locks of {@link java.io.ByteArrayInputStream} and {@link
 * java.io.ByteArrayOutputStream}: a stored briefing is written and read through {@link java.io.DataOutputStream}
 * and {@link java.io.DataInputStream}, a byte or an int at a time, and the quick compiler does not elide a lock.
 */
final class ByteArrayStreams {

    private ByteArrayStreams() {
    }

    /** Reads a byte array from its start. */
    static final class In extends InputStream {

        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - at;
        }

        /** How many bytes have been read. */
        int position() {
            return at;
        }
    }

    /** Collects the bytes written, growing as needed. */
    static final class Out extends OutputStream {

        private byte[] bytes;
        private int size;

        Out(int initialCapacity) {
            bytes = new byte[initialCapacity];
        }

        @Override
        public void write(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, from.length);
            room(length);
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
            }
        }
    }
}
