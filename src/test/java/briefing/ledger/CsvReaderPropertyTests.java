package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The buffered {@link CsvReader} reads any text exactly as the plain character-at-a-time reference does. */
class CsvReaderPropertyTests {

    @Property(tries = 3000)
    void shouldReadAnyTextLikeTheReference(@ForAll("csvText") String text, @ForAll @IntRange(min = 1, max = 9) int chunk)
            throws IOException {
        assertThat(rows(new CsvReader(new ChunkedReader(text, chunk))))
                .isEqualTo(referenceRows(new ReferenceCsvReader(new ChunkedReader(text, chunk))));
    }

    @Property(tries = 30)
    void shouldCutLongFieldsLikeTheReference(@ForAll @IntRange(min = 9_990, max = 10_020) int length,
                                             @ForAll("csvText") String around) throws IOException {
        String text = around + "x".repeat(length) + around + "\n\"" + "y".repeat(length) + "\"," + around;
        assertThat(rows(new CsvReader(new ChunkedReader(text, 4096))))
                .isEqualTo(referenceRows(new ReferenceCsvReader(new ChunkedReader(text, 4096))));
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.strings().withChars("ab,\"\r\n \u00e9").ofMaxLength(120);
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

    /** Hands out the text a few characters at a time, so rows and fields straddle buffer refills. */
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
