package briefing.report.excel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Bytes handed from the thread that writes them to one that copies them on ({@link #drainTo}), a block
 * at a time as they are written, so that the second can compress the first blocks while the rest are
 * being made. The writer never waits; it ends with {@link #close} or, when it failed, {@link #fail}.
 */
final class BlockPipe extends OutputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> blocks = new LinkedBlockingQueue<>();
    private volatile Throwable failure;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length > 0) {
            blocks.add(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    /** Ends the bytes: everything the writer did before is seen by the thread that drained them. */
    @Override
    public void close() {
        blocks.add(END);
    }

    void fail(Throwable cause) {
        failure = cause;
        blocks.add(END);
    }

    /** Copies every block to {@code out} until the writer closes the pipe; once. */
    void drainTo(OutputStream out) throws IOException {
        while (true) {
            byte[] block;
            try {
                block = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the rows of a sheet");
            }
            if (block == END) {
                if (failure != null) {
                    throw new IOException("The rows of a sheet could not be written", failure);
                }
                return;
            }
            out.write(block);
        }
    }
}
