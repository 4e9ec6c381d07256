package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        CsvReader reader = new CsvReader(utf8("h1,h2\nok,1\nbad,\"never\nclosed\nat all\n"));

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
        InputStream text = new GeneratedInput("id,\"", size, i -> i % 1000 == 999 ? '\n' : 'x', "\"\nnext,row\n");
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

    @Test
    void shouldDecodeMultiByteCharactersAcrossRefillsAndFields() throws IOException {
        // given: two-, three- and four-byte characters, one of them in a field longer than the reader's buffer
        String longField = "\u00e9".repeat(40_000) + "\ud55c\ud83d\ude00";
        String text = "\u00e9t\u00e9,\ud55c\uad6d,\ud83d\ude00\n\"" + longField + "\"," + longField + "\n";

        // when
        List<CsvReader.Row> rows = readAll(text);

        // then
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("\u00e9t\u00e9", "\ud55c\uad6d", "\ud83d\ude00"), List.of(longField, longField));
        assertThat(rows).extracting(CsvReader.Row::oversized).containsExactly(false, false);
    }

    @Test
    void shouldSkipAByteOrderMarkAtTheStartOnly() throws IOException {
        // given
        byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "a,b\n".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[mark.length + text.length];
        System.arraycopy(mark, 0, marked, 0, mark.length);
        System.arraycopy(text, 0, marked, mark.length, text.length);
        CsvReader withMark = new CsvReader(new ByteArrayInputStream(marked));
        CsvReader without = new CsvReader(utf8("a,b\n"));
        CsvReader tooShort = new CsvReader(utf8("a"));

        // when
        withMark.skipByteOrderMark();
        without.skipByteOrderMark();
        tooShort.skipByteOrderMark();

        // then
        assertThat(readAll(withMark)).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"));
        assertThat(readAll(without)).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"));
        assertThat(readAll(tooShort)).extracting(CsvReader.Row::fields).containsExactly(List.of("a"));
        assertThat(readAll("\ufeffa,b\n").get(0).fields()).containsExactly("\ufeffa", "b");
    }

    @Test
    void shouldCutAnOversizedFieldBeforeACharacterItWouldSplit() throws IOException {
        // given: the limit falls on the second byte of a three-byte character, in a quoted and an unquoted field
        String head = "x".repeat(CsvReader.MAX_FIELD_LENGTH - 1);
        String text = "\"" + head + "\ud55c" + "tail\",b\n" + head + "\ud55c" + "tail,b\nnext\n";

        // when
        List<CsvReader.Row> rows = readAll(text);

        // then: the character is dropped whole, not decoded from half its bytes
        assertThat(rows).hasSize(3);
        for (CsvReader.Row row : rows.subList(0, 2)) {
            assertThat(row.oversized()).isTrue();
            assertThat(row.fields()).containsExactly(head, "b");
        }
        assertThat(rows.get(2).fields()).containsExactly("next");
    }

    private static List<CsvReader.Row> readAll(String text) throws IOException {
        return readAll(new CsvReader(utf8(text)));
    }

    private static List<CsvReader.Row> readAll(CsvReader reader) throws IOException {
        List<CsvReader.Row> rows = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Prefix + {@code count} generated ASCII characters + suffix, as bytes produced on demand. */
    static final class GeneratedInput extends InputStream {
        interface Generator {
            char at(long index);
        }

        private final String prefix;
        private final long count;
        private final Generator generator;
        private final String suffix;
        private long position;

        GeneratedInput(String prefix, long count, Generator generator, String suffix) {
            this.prefix = prefix;
            this.count = count;
            this.generator = generator;
            this.suffix = suffix;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
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
                buffer[offset + n++] = (byte) c;
                position++;
            }
            return n;
        }
    }
}
