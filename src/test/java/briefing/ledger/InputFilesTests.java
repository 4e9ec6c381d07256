package briefing.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputFilesTests {

    private static final String HEADER = "record_id,reported_on,source,subject,metric,value_low,note";

    @TempDir
    Path dir;

    // ---- CSV shape -------------------------------------------------------------------------

    @Test
    void shouldReadQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        // given: row r1 spans lines 2..4; r2 starts on line 5
        write("a.csv", HEADER + "\n"
                + "r1,2025-04-30,\"NIS (South Korea), via MP\",DPRK forces in Russia,killed,\"4,700\",\"he said \"\"600\"\"\nline two\nline three\"\n"
                + row("r2") + "\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:2 r1", "a.csv:5 r2");
        InputRow first = rows.get(0);
        assertThat(first.value(Column.SOURCE)).isEqualTo("NIS (South Korea), via MP");
        assertThat(first.value(Column.VALUE_LOW)).isEqualTo("4,700");
        assertThat(first.value(Column.NOTE)).isEqualTo("he said \"600\"\nline two\nline three");
    }

    @Test
    void shouldReadCrlfLfAndMixedLineEnds() throws IOException {
        write("crlf.csv", HEADER + "\r\n" + row("c1") + "\r\n" + row("c2") + "\r\n");
        write("lf.csv", HEADER + "\n" + row("l1") + "\n" + row("l2"));
        write("mixed.csv", HEADER + "\r\n" + row("m1") + "\n" + row("m2") + "\r\n" + row("m3") + "\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly(
                "crlf.csv:2 c1", "crlf.csv:3 c2",
                "lf.csv:2 l1", "lf.csv:3 l2",
                "mixed.csv:2 m1", "mixed.csv:3 m2", "mixed.csv:4 m3");
        assertThat(rows).allSatisfy(r -> assertThat(r.value(Column.NOTE)).isEqualTo("n"));
    }

    @Test
    void shouldAcceptAByteOrderMark() throws IOException {
        write("a.csv", "\uFEFF" + HEADER + "\r\n" + row("r1") + "\r\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:2 r1");
        assertThat(rows.get(0).value(Column.RECORD_ID)).isEqualTo("r1");
    }

    @Test
    void shouldSkipBlankLinesWhileCountingThemInLineNumbers() throws IOException {
        write("a.csv", HEADER + "\n\n" + row("r1") + "\r\n\r\n\n" + row("r2") + "\n\n");

        assertThat(readAll()).extracting(this::describe).containsExactly("a.csv:3 r1", "a.csv:6 r2");
    }

    @Test
    void shouldSkipALineOfOnlySpacesAsBlank() throws IOException {
        // The contract says "a completely blank line is skipped"; the code also takes a line of
        // nothing but spaces or tabs for blank (rather than a row with 1 field).
        write("a.csv", HEADER + "\n" + row("r1") + "\n   \t\n" + row("r2") + "\n");

        assertThat(readAll()).extracting(this::describe).containsExactly("a.csv:2 r1", "a.csv:4 r2");
    }

    @Test
    void shouldRejectRowsWithMoreOrFewerFieldsAndReadTheRestOfTheFile() throws IOException {
        // given: line 3 has an unquoted comma in the note (8 fields), line 5 lacks the note (6 fields)
        write("a.csv", HEADER + "\n"
                + row("r1") + "\n"
                + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,4,700,n\n"
                + row("r3") + "\n"
                + "r4,2025-04-30,NIS,DPRK forces in Russia,killed,600\n"
                + row("r5") + "\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly(
                "a.csv:2 r1", "a.csv:3 FAULT[r2]", "a.csv:4 r3", "a.csv:5 FAULT[r4]", "a.csv:6 r5");
        assertThat(rows.get(1).fault().reason()).contains("8 fields").contains("7");
        assertThat(rows.get(3).fault().reason()).contains("6 fields").contains("7");
    }

    @Test
    void shouldRejectAQuoteThatNeverClosesOnceAtItsLineEndTheFileAndReadTheNextFile() throws IOException {
        // given: the quote opened on line 3 never closes; lines 4-5 are swallowed by it
        write("a.csv", HEADER + "\n"
                + row("r1") + "\n"
                + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,600,\"never closed\n"
                + row("r3") + "\n"
                + row("r4") + "\n");
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:2 r1", "a.csv:3 FAULT[r2]", "b.csv:2 b1");
        assertThat(rows.get(1).fault().reason()).contains("never closes");
    }

    @Test
    void shouldRejectAFileWhoseHeaderHasAQuoteThatNeverClosesOnLine1() throws IOException {
        write("a.csv", "record_id,\"reported_on\n" + row("r1") + "\n");
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]", "b.csv:2 b1");
    }

    @Test
    void shouldRejectAFileWhoseBadHeaderFollowsBlankLinesOnLine1() throws IOException {
        // given: the header, on line 3, has a typo; b.csv's good header follows blank lines too
        write("a.csv", "\n\r\n" + HEADER.replace("source", "sorce") + "\n" + row("r1") + "\n");
        write("b.csv", "\n\n" + HEADER + "\n" + row("b1") + "\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]", "b.csv:4 b1");
        assertThat(rows.get(0).fault().reason()).contains("unknown column 'sorce'");
    }

    @Test
    void shouldRejectA10MbFieldWithAClearReasonAndReadTheNextRow() throws IOException {
        // given: line 2 carries a 10 MB note; written in pieces, never held whole by the test
        Path file = dir.resolve("a.csv");
        try (Writer out = Files.newBufferedWriter(file, UTF_8)) {
            out.write(HEADER + "\n");
            out.write("big,2025-04-30,NIS,DPRK forces in Russia,killed,600,\"");
            char[] chunk = new char[1024];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 10 * 1024; i++) {
                out.write(chunk);
            }
            out.write("\"\n");
            out.write(row("r2") + "\n");
        }
        ClaimParser parser = new ClaimParser(Rows.TODAY);

        // when
        List<ClaimParser.Outcome> outcomes = readAll().stream().map(parser::parse).toList();

        // then
        assertThat(outcomes).hasSize(2);
        Rejection rejection = outcomes.get(0).rejection();
        assertThat(rejection).isNotNull();
        assertThat(rejection.file()).isEqualTo("a.csv");
        assertThat(rejection.line()).isEqualTo(2);
        assertThat(rejection.recordId()).isEqualTo("big");
        assertThat(rejection.column()).isEqualTo("note");
        assertThat(rejection.reason()).contains("longer than 10,000 characters");
        assertThat(outcomes.get(1).claim().recordId()).isEqualTo("r2");
    }

    @Test
    void shouldLoadAValueOf10000CharactersWholeWhateverWhiteSpaceSurroundsIt() throws IOException {
        // given: 10,000 characters padded to 16,000 and 10,002: trimmed, they are within the limit
        String text = "x" + "y".repeat(9_998) + "z";
        write("a.csv", HEADER + "\n"
                + "r1,2025-04-30,NIS,DPRK forces in Russia,killed,600,\"" + " ".repeat(3_000) + text + "\n ".repeat(1_500) + "\"\n"
                + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,600,  " + text + "\n");
        ClaimParser parser = new ClaimParser(Rows.TODAY);

        // when
        List<ClaimParser.Outcome> outcomes = readAll().stream().map(parser::parse).toList();

        // then
        assertThat(outcomes).extracting(o -> o.claim() == null ? o.rejection().reason() : o.claim().note().equals(text))
                .containsExactly(true, true);
    }

    @Test
    void shouldRejectAValueOfMoreThan10000CharactersAfterTrimmingWhateverItsPadding() throws IOException {
        // given: 10,001 characters after 6,000 spaces; and two letters 20,000 spaces apart
        write("a.csv", HEADER + "\n"
                + "r1,2025-04-30,NIS,DPRK forces in Russia,killed,600," + " ".repeat(6_000) + "x".repeat(10_001) + "\n"
                + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,600,a" + " ".repeat(20_000) + "b\n"
                + "r3,2025-04-30,NIS,DPRK forces in Russia,killed,600," + " ".repeat(20_000) + "\n");
        ClaimParser parser = new ClaimParser(Rows.TODAY);

        // when
        List<ClaimParser.Outcome> outcomes = readAll().stream().map(parser::parse).toList();

        // then: the first two are too long; the third is empty once trimmed
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes).extracting(o -> o.rejection() == null ? "loaded" : o.rejection().column() + ": " + o.rejection().reason())
                .containsExactly("note: The value of note is longer than 10,000 characters.",
                        "note: The value of note is longer than 10,000 characters.", "loaded");
        assertThat(outcomes.get(2).claim().note()).isNull();
    }

    @Test
    void shouldRejectAHeaderOf100000UnknownColumnsOnLine1WithAShortReason() throws IOException {
        // given
        String header = IntStream.range(0, 100_000).mapToObj(i -> "column" + i).collect(Collectors.joining(","));
        write("a.csv", header + "\n" + IntStream.range(0, 100_000).mapToObj(i -> "v").collect(Collectors.joining(",")) + "\n");
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]", "b.csv:2 b1");
        assertThat(rows.get(0).fault().reason()).contains("unknown column 'column0'").hasSizeLessThan(500);
    }

    // ---- whole files -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"FF", "E9 2C", "C0 AF", "E0 80 AF", "F0 8F BF BF", "ED A0 80", "E2 82 0A", "F4 90 80 80", "80"})
    void shouldRejectAFileThatIsNotUtf8AsAWholeOnTheLineOfTheFirstBadByte(String badBytes) throws IOException {
        // given: the bad bytes sit in the note of line 3 (or, for E2 82 0A, end it early)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\r\n" + row("r1") + "\r\n" + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,600,caf")
                .getBytes(UTF_8));
        for (String hex : badBytes.split(" ")) {
            bytes.write(Integer.parseInt(hex, 16));
        }
        bytes.writeBytes(("\r\n" + row("r3") + "\r\n").getBytes(UTF_8));
        Files.write(dir.resolve("a.csv"), bytes.toByteArray());
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        // when
        List<InputRow> rows = readAll();

        // then: no row of a.csv is loaded, not even r1 before the bad byte
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:3 FAULT[]", "b.csv:2 b1");
        assertThat(rows.get(0).fault().reason()).contains("UTF-8").contains("line 3");
    }

    @Test
    void shouldReadMultiByteUtf8Text() throws IOException {
        write("a.csv", HEADER + "\n" + "r1,2025-04-30,국가정보원,Forces in Kursk – Курск,killed,600,note 😀 é\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:2 r1");
        assertThat(rows.get(0).value(Column.SOURCE)).isEqualTo("국가정보원");
        assertThat(rows.get(0).value(Column.SUBJECT)).isEqualTo("Forces in Kursk – Курск");
        assertThat(rows.get(0).value(Column.NOTE)).isEqualTo("note 😀 é");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF", "\n\n", "\r\n"})
    void shouldRejectAnEmptyFileOnLine1(String content) throws IOException {
        write("a.csv", content);
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]", "b.csv:2 b1");
        assertThat(rows.get(0).fault().reason()).contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {HEADER, HEADER + "\n", HEADER + "\r\n\r\n", "\uFEFF" + HEADER + "\n"})
    void shouldYieldNothingForAHeaderOnlyFile(String content) throws IOException {
        write("a.csv", content);

        assertThat(readAll()).isEmpty();
    }

    @Test
    void shouldRejectAFileWithAnUnknownColumnOnLine1() throws IOException {
        // given: "metirc" is a typo for "metric"
        write("a.csv", "record_id,reported_on,source,subject,metirc,value_low\n"
                + "r1,2025-04-30,NIS,DPRK forces in Russia,killed,600\n"
                + "r2,2025-04-30,NIS,DPRK forces in Russia,killed,700\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]");
        assertThat(rows.get(0).fault().reason()).contains("'metirc'");
    }

    @Test
    void shouldRejectAFileWithAColumnTwiceOnLine1() throws IOException {
        write("a.csv", HEADER + ", Note \n" + row("r1") + ",again\n");

        List<InputRow> rows = readAll();

        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]");
        assertThat(rows.get(0).fault().reason()).contains("'note'").contains("twice");
    }

    @ParameterizedTest
    @EnumSource(value = Column.class, names = {"RECORD_ID", "REPORTED_ON", "SOURCE", "SUBJECT", "METRIC", "VALUE_LOW"})
    void shouldRejectAFileThatLacksARequiredColumnOnLine1(Column required) throws IOException {
        // given: the header and the row without that one column
        List<String> names = new ArrayList<>(List.of(HEADER.split(",")));
        List<String> values = new ArrayList<>(List.of(row("r1").split(",")));
        int index = names.indexOf(required.header());
        names.remove(index);
        values.remove(index);
        write("a.csv", String.join(",", names) + "\n" + String.join(",", values) + "\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:1 FAULT[]");
        assertThat(rows.get(0).fault().reason()).contains(required.header());
    }

    @Test
    void shouldAcceptColumnsInAnyOrderNamesInAnyCaseAndWithSurroundingSpaces() throws IOException {
        // given
        write("a.csv", " VALUE_LOW ,Metric,\tsubject,SOURCE,Reported_On  ,  RECORD_ID,nOtE,Qualifier\n"
                + "\"4,700\",killed,DPRK forces in Russia,NIS (South Korea),2025-04-30,r9,hello,About\n");

        // when
        List<InputRow> rows = readAll();

        // then
        assertThat(rows).extracting(this::describe).containsExactly("a.csv:2 r9");
        InputRow row = rows.get(0);
        assertThat(row.value(Column.VALUE_LOW)).isEqualTo("4,700");
        assertThat(row.value(Column.METRIC)).isEqualTo("killed");
        assertThat(row.value(Column.SUBJECT)).isEqualTo("DPRK forces in Russia");
        assertThat(row.value(Column.SOURCE)).isEqualTo("NIS (South Korea)");
        assertThat(row.value(Column.REPORTED_ON)).isEqualTo("2025-04-30");
        assertThat(row.value(Column.NOTE)).isEqualTo("hello");
        assertThat(row.value(Column.QUALIFIER)).isEqualTo("About");
        assertThat(row.value(Column.BASIS)).as("a column the file does not have").isNull();
        Claim claim = new ClaimParser(Rows.TODAY).parse(row).claim();
        assertThat(claim).isNotNull();
        assertThat(claim.valueLow()).isEqualTo(4700);
        assertThat(claim.qualifier()).isEqualTo(Qualifier.ABOUT);
    }

    @Test
    void shouldReadFilesInCodePointOrderOfTheirNames() throws IOException {
        // given: code-point order puts U+FF21 (fullwidth A) before U+1F600 (an emoji), which UTF-16
        // code-unit order (String.compareTo) would reverse; upper case comes before lower case
        List<String> names = List.of("a.csv", "\uD83D\uDE00.csv", "B.csv", "\uFF21.csv", "9.csv", "10.csv", "a_b.csv");
        for (int i = 0; i < names.size(); i++) {
            write(names.get(i), HEADER + "\n" + row("id" + i) + "\n");
        }

        // when
        List<String> listed = InputFiles.list(dir).stream().map(p -> p.getFileName().toString()).toList();
        List<String> read = readAll().stream().map(InputRow::file).toList();

        // then
        List<String> expected = List.of("10.csv", "9.csv", "B.csv", "a.csv", "a_b.csv", "\uFF21.csv", "\uD83D\uDE00.csv");
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldIgnoreEverythingButCsvFiles() throws IOException {
        write("a.csv", HEADER + "\n" + row("r1") + "\n");
        write("notes.txt", HEADER + "\n" + row("t1") + "\n");
        write("a.csv.bak", HEADER + "\n" + row("k1") + "\n");
        write("README", "not a csv\n");
        Files.createDirectory(dir.resolve("old.csv"));

        assertThat(readAll()).extracting(this::describe).containsExactly("a.csv:2 r1");
        try (InputFiles files = InputFiles.open(dir)) {
            assertThat(files.files()).containsExactly(dir.resolve("a.csv"));
        }
    }

    @Test
    void shouldNameFilesRelativeToTheInputFolder() throws IOException {
        write("a.csv", HEADER + "\n" + row("r1") + "\n" + "r2,too,few\n");

        assertThat(readAll()).extracting(InputRow::file).containsExactly("a.csv", "a.csv");
    }

    @Test
    void shouldResumeFromASavedPositionWithExactlyTheRemainingRows() throws IOException {
        // given: rows, blank lines, a bad row, a header-only file, a non-UTF-8 file, a bad header
        write("a.csv", HEADER + "\n" + row("a1") + "\n\n" + row("a2") + "\n" + "a3,too,few\n" + row("a4") + "\n");
        write("b.csv", HEADER + "\n");
        Files.write(dir.resolve("c.csv"), new byte[] {'x', '\n', (byte) 0xFF, '\n'});
        write("d.csv", "record_id,typo\n" + "d1,x\n");
        write("e.csv", "\n" + HEADER + "\r\n" + row("e1") + "\r\n\r\n" + row("e2"));
        List<String> all = readAll().stream().map(this::describe).toList();
        assertThat(all).containsExactly("a.csv:2 a1", "a.csv:4 a2", "a.csv:5 FAULT[a3]", "a.csv:6 a4",
                "c.csv:2 FAULT[]", "d.csv:1 FAULT[]", "e.csv:3 e1", "e.csv:5 e2");

        for (int stop = 0; stop <= all.size(); stop++) {
            // when: a run reads `stop` rows, saves its position, and a new run resumes from it
            InputFiles.Position saved;
            try (InputFiles first = InputFiles.open(dir)) {
                for (int i = 0; i < stop; i++) {
                    first.next();
                }
                saved = first.position();
            }
            List<String> rest = new ArrayList<>();
            try (InputFiles second = InputFiles.open(dir)) {
                second.skipTo(saved);
                InputRow row;
                while ((row = second.next()) != null) {
                    rest.add(describe(row));
                }
            }

            // then
            assertThat(rest).as("rows after resuming at %s (after %d rows)", saved, stop)
                    .containsExactlyElementsOf(all.subList(stop, all.size()));
        }
    }

    @Test
    void shouldSaveAPositionThatMovesWithEveryRowReturned() throws IOException {
        write("a.csv", HEADER + "\n" + row("a1") + "\n" + row("a2") + "\n");
        write("b.csv", HEADER + "\n" + row("b1") + "\n");

        try (InputFiles files = InputFiles.open(dir)) {
            assertThat(files.position()).isEqualTo(InputFiles.Position.START);
            files.next();
            assertThat(files.position()).isEqualTo(new InputFiles.Position(0, 1));
            files.next();
            assertThat(files.position()).isEqualTo(new InputFiles.Position(0, 2));
            files.next();
            assertThat(files.position()).isEqualTo(new InputFiles.Position(1, 1));
            assertThat(files.next()).isNull();
        }
    }

    // ---- files read before ------------------------------------------------------------------

    @Test
    void shouldYieldOnlyTheRowsToCheckOfAKnownFileAndResumeInsideIt() throws IOException {
        // given: a.csv was read before and its line 3 was rejected; b.csv is new
        write("a.csv", HEADER + "\n" + row("r1") + "\n" + row("bad") + "\n" + row("r3") + "\n");
        write("b.csv", HEADER + "\n" + row("r4") + "\n");
        String sha = Utf8Check.check(dir.resolve("a.csv")).sha256();
        InputRow bad = InputRow.decoded("a.csv", 3, "3:bad10:2025-04-30-");
        InputFiles.KnownFiles known = new InputFiles.KnownFiles() {
            @Override
            public Optional<InputFiles.KnownFile> find(String name, String sha256, long bytes) {
                return name.equals("a.csv") && sha256.equals(sha)
                        ? Optional.of(new InputFiles.KnownFile(7, 3, List.of(bad))) : Optional.empty();
            }

            @Override
            public Optional<InputFiles.KnownFile> find(long knownFrom, String name, String sha256, long bytes) {
                return knownFrom == 7 ? find(name, sha256, bytes) : Optional.empty();
            }
        };

        // when
        List<InputRow> rows = new ArrayList<>();
        List<InputFiles.FileSummary> summaries;
        InputFiles.Position afterFirst;
        try (InputFiles files = InputFiles.open(dir, known)) {
            rows.add(files.next());
            afterFirst = files.position();
            for (InputRow row = files.next(); row != null; row = files.next()) {
                rows.add(row);
            }
            summaries = files.summaries();
        }
        List<InputRow> resumed = new ArrayList<>();
        try (InputFiles files = InputFiles.open(dir, known)) {
            files.skipTo(afterFirst);
            for (InputRow row = files.next(); row != null; row = files.next()) {
                resumed.add(row);
            }
        }

        // then
        assertThat(afterFirst).isEqualTo(new InputFiles.Position(0, 1, 7));
        assertThat(rows.get(0).isInLedger()).isTrue();
        assertThat(rows.get(0).rowsInLedger()).isEqualTo(2);
        assertThat(rows.subList(1, rows.size())).extracting(this::describe).containsExactly("a.csv:3 bad", "b.csv:2 r4");
        assertThat(rows.get(1).value(Column.REPORTED_ON)).isEqualTo("2025-04-30");
        assertThat(rows.get(1).value(Column.SOURCE)).isNull();
        assertThat(summaries).extracting(InputFiles.FileSummary::index, InputFiles.FileSummary::name,
                InputFiles.FileSummary::rows).containsExactly(tuple(0, "a.csv", 3L), tuple(1, "b.csv", 1L));
        assertThat(resumed).extracting(this::describe).containsExactly("a.csv:3 bad", "b.csv:2 r4");
    }

    @Test
    void shouldResumeInAFileReadRowByRowRowByRowEvenIfARunReadItWholeMeanwhile() throws IOException {
        write("a.csv", HEADER + "\n" + row("r1") + "\n" + row("r2") + "\n" + row("r3") + "\n");
        InputFiles.KnownFiles knownSince = new InputFiles.KnownFiles() {
            @Override
            public Optional<InputFiles.KnownFile> find(String name, String sha256, long bytes) {
                return Optional.of(new InputFiles.KnownFile(9, 3, List.of()));
            }

            @Override
            public Optional<InputFiles.KnownFile> find(long knownFrom, String name, String sha256, long bytes) {
                return find(name, sha256, bytes);
            }
        };

        List<InputRow> resumed = new ArrayList<>();
        try (InputFiles files = InputFiles.open(dir, knownSince)) {
            files.skipTo(new InputFiles.Position(0, 1));
            for (InputRow row = files.next(); row != null; row = files.next()) {
                resumed.add(row);
            }
        }

        assertThat(resumed).extracting(this::describe).containsExactly("a.csv:3 r2", "a.csv:4 r3");
    }

    @Test
    void shouldKeepTheValuesOfARowThroughTheirEncoding() {
        InputRow row = Rows.valid().with(Column.NOTE, "a:b, 12:-\n\"quoted\"").without(Column.CITATION).row();

        InputRow again = InputRow.decoded(row.file(), row.line(), row.encodedValues());

        assertThat(again.values()).containsExactly(row.values());
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A valid row for {@link #HEADER}. */
    private static String row(String id) {
        return id + ",2025-04-30,NIS,DPRK forces in Russia,killed,600,n";
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, UTF_8);
    }

    private List<InputRow> readAll() throws IOException {
        List<InputRow> rows = new ArrayList<>();
        try (InputFiles files = InputFiles.open(dir)) {
            InputRow row;
            while ((row = files.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** "file:line id" for a data row, "file:line FAULT[id]" for a fault (whose column must be empty). */
    private String describe(InputRow row) {
        if (row.fault() != null) {
            Rejection fault = row.fault();
            assertThat(fault.column()).as("column of a whole-row or whole-file fault").isEmpty();
            assertThat(fault.file()).isEqualTo(row.file());
            assertThat(fault.line()).isEqualTo(row.line());
            return fault.file() + ":" + fault.line() + " FAULT[" + fault.recordId() + "]";
        }
        return row.file() + ":" + row.line() + " " + row.value(Column.RECORD_ID);
    }
}
