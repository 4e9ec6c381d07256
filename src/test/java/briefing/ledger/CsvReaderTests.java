package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    @Test
    void shouldKeepCommasInsideQuotedFields() throws IOException {
        List<CsvReader.Row> rows = readAll("a,\"b, c\",d\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.fields()).containsExactly("a", "b, c", "d");
            assertThat(row.line()).isEqualTo(1);
            assertThat(row.unclosedQuote()).isFalse();
        });
    }

    @Test
    void shouldTurnDoubledQuotesIntoOneQuote() throws IOException {
        List<CsvReader.Row> rows = readAll("\"say \"\"hi\"\"\",\"\"\"\"\"\",\"\"\n");

        assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.fields()).containsExactly("say \"hi\"", "\"\"", ""));
    }

    @Test
    void shouldKeepLineBreaksInsideQuotesAndCountThemForTheNextRow() throws IOException {
        // given: the second row's quoted field spans lines 2..4 (LF, CRLF, then CR inside the quotes)
        String text = "h1,h2\r\n"
                + "a,\"one\ntwo\r\nthree\rfour\"\n"
                + "b,c\n";

        // when
        List<CsvReader.Row> rows = readAll(text);

        // then
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 6L);
        assertThat(rows.get(1).fields()).containsExactly("a", "one\ntwo\r\nthree\rfour");
        assertThat(rows.get(2).fields()).containsExactly("b", "c");
    }

    @Test
    void shouldReadCrlfLfCrAndMixedLineEnds() throws IOException {
        List<CsvReader.Row> rows = readAll("a,b\r\nc,d\ne,f\rg,h\r\ni,j");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"), List.of("i", "j"));
    }

    @Test
    void shouldReturnBlankLinesAsBlankRowsThatStillCountAsLines() throws IOException {
        List<CsvReader.Row> rows = readAll("a,b\n\n\r\nc,d\n");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(CsvReader.Row::isBlank).containsExactly(false, true, true, false);
    }

    @Test
    void shouldNotTakeAQuotedEmptyFieldForABlankLine() throws IOException {
        List<CsvReader.Row> rows = readAll("\"\"\n");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.isBlank()).isFalse());
    }

    @Test
    void shouldReadTheLastRowWithoutALineEndAndNoRowAfterAFinalLineEnd() throws IOException {
        assertThat(readAll("a,b")).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"));
        assertThat(readAll("a,b\n")).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"));
        assertThat(readAll("a,b\r\n")).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"));
        assertThat(readAll("")).isEmpty();
    }

    @Test
    void shouldKeepEmptyFieldsAtBothEnds() throws IOException {
        assertThat(readAll(",a,\n")).singleElement()
                .satisfies(row -> assertThat(row.fields()).containsExactly("", "a", ""));
    }

    @Test
    void shouldFlagAQuoteThatNeverClosesAtTheLineWhereItsRowStartsAndStop() throws IOException {
        // given
        CsvReader reader = new CsvReader(new StringReader("h1,h2\nok,1\nbad,\"never\nclosed\nat all\n"));

        // when
        CsvReader.Row header = reader.next();
        CsvReader.Row ok = reader.next();
        CsvReader.Row bad = reader.next();

        // then
        assertThat(header.unclosedQuote()).isFalse();
        assertThat(ok.unclosedQuote()).isFalse();
        assertThat(bad.unclosedQuote()).isTrue();
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.fields().get(0)).isEqualTo("bad");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldCutA10MbFieldFlagItAndGoOnWithTheNextRow() throws IOException {
        // given: a 10 MB quoted field with a line break every 1,000 characters (10,485 breaks),
        // streamed so the test itself never holds it
        int size = 10 * 1024 * 1024;
        Reader text = new GeneratedReader("id,\"", size, i -> i % 1000 == 999 ? '\n' : 'x', "\"\nnext,row\n");
        CsvReader reader = new CsvReader(text);

        // when
        CsvReader.Row big = reader.next();
        CsvReader.Row next = reader.next();

        // then
        assertThat(big.oversized()).isTrue();
        assertThat(big.unclosedQuote()).isFalse();
        assertThat(big.fields()).hasSize(2);
        assertThat(big.fields().get(1).length()).isLessThanOrEqualTo(CsvReader.MAX_FIELD_LENGTH);
        assertThat(next.fields()).containsExactly("next", "row");
        assertThat(next.line()).isEqualTo(1 + size / 1000 + 1);
        assertThat(next.oversized()).isFalse();
    }

    private static List<CsvReader.Row> readAll(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** A reader of prefix + {@code count} generated characters + suffix, produced on demand. */
    static final class GeneratedReader extends Reader {
        interface Generator {
            char at(long index);
        }

        private final String prefix;
        private final long count;
        private final Generator generator;
        private final String suffix;
        private long position;

        GeneratedReader(String prefix, long count, Generator generator, String suffix) {
            this.prefix = prefix;
            this.count = count;
            this.generator = generator;
            this.suffix = suffix;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            long total = prefix.length() + count + suffix.length();
            if (position >= total) {
                return -1;
            }
            int n = 0;
            while (n < length && position < total) {
                long p = position;
                char c;
                if (p < prefix.length()) {
                    c = prefix.charAt((int) p);
                } else if (p < prefix.length() + count) {
                    c = generator.at(p - prefix.length());
                } else {
                    c = suffix.charAt((int) (p - prefix.length() - count));
                }
                buffer[offset + n++] = c;
                position++;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}
