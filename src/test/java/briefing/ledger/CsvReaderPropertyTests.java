package briefing.ledger;

import static briefing.ledger.RandomValues.intBetween;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffered, byte-level {@link CsvReader} reads any UTF-8 text exactly as the plain character-at-a-time reference does. */
class CsvReaderPropertyTests {

    @Test
    void shouldReadAnyTextLikeTheReference() throws IOException {
        for (int seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            String text = csvText(random);
            int chunk = intBetween(random, 1, 9);

            assertThat(rows(new CsvReader(new ChunkedInput(text, chunk))))
                    .as("seed %d: chunk %d, text %s", seed, chunk, text)
                    .isEqualTo(referenceRows(new ReferenceCsvReader(new ChunkedReader(text, chunk))));
        }
    }

    @Test
    void shouldCutLongFieldsLikeTheReference() throws IOException {
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            int length = intBetween(random, CsvReader.MAX_FIELD_LENGTH - 10, CsvReader.MAX_FIELD_LENGTH + 20);
            // ASCII around the long field: the reader's limit is in bytes, the reference's in characters
            String around = RandomValues.string(random, "ab,\"\r\n ", 0, 120);

            String text = around + "x".repeat(length) + around + "\n\"" + "y".repeat(length) + "\"," + around;
            assertThat(rows(new CsvReader(new ChunkedInput(text, 4096))))
                    .as("seed %d: length %d, around %s", seed, length, around)
                    .isEqualTo(referenceRows(new ReferenceCsvReader(new ChunkedReader(text, 4096))));
        }
    }

    private static String csvText(Random random) {
        return RandomValues.string(random, "ab,\"\r\n \u00e9\ud55c", 0, 120);
    }

    private static List<String> rows(CsvReader reader) throws IOException {
        List<String> rows = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row.line() + " " + row.fields() + " unclosed=" + row.unclosedQuote() + " oversized=" + row.oversized()
                    + " quoted=" + row.quoted() + " blank=" + row.isBlank());
        }
        rows.add("after the end: " + reader.next());
        return rows;
    }

    private static List<String> referenceRows(ReferenceCsvReader reader) throws IOException {
        List<String> rows = new ArrayList<>();
        ReferenceCsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row.line() + " " + row.fields() + " unclosed=" + row.unclosedQuote() + " oversized=" + row.oversized()
                    + " quoted=" + row.quoted() + " blank=" + row.isBlank());
        }
        rows.add("after the end: " + reader.next());
        return rows;
    }

    /** Hands out the text's UTF-8 bytes a few at a time, so rows, fields and characters straddle buffer refills. */
    private static final class ChunkedInput extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int position;

        ChunkedInput(String text, int chunk) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /** Hands out the text a few characters at a time, for the reference. */
    private static final class ChunkedReader extends Reader {
        private final String text;
        private final int chunk;
        private int position;

        ChunkedReader(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
