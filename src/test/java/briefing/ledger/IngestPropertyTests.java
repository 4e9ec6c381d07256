package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.GeneratedInput.Expected;
import briefing.ledger.GeneratedInput.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of reading input, over generated data sets: valid claims written in every way the contract
 * allows, mutated into every kind of invalid row and file; then random bytes and random CSV-like text.
 * Each property runs over many seeds (see {@link Seeds}); the path is the job's: {@link InputFiles},
 * {@link ClaimParser}, {@link LedgerRules} over an {@link InMemoryLedger}.
 */
class IngestPropertyTests {

    private static final LocalDate TODAY = Rows.TODAY;

    @TempDir
    Path dir;

    @Test
    void shouldRejectExactlyTheFaultyRowsOnTheirFileLineAndColumnAndLoadEveryOtherRowUnchanged() {
        Seeds.check(150, seed -> {
            Random random = new Random(seed);
            GeneratedInput ledger = GeneratedInput.ledger(seed, TODAY, 5 + random.nextInt(30));
            GeneratedInput input = GeneratedInput.next(ledger, seed, TODAY, 1 + random.nextInt(4), 1 + random.nextInt(40),
                    random.nextDouble() * 0.5, Set.of());

            checkOutcome(ledger, input, seed);
        });
    }

    @Test
    void shouldRejectEveryKindOfFaultOfTheContractWhereverItIsPlanted() {
        Seeds.check(40, seed -> {
            GeneratedInput ledger = GeneratedInput.ledger(seed, TODAY, 20);
            GeneratedInput input = GeneratedInput.next(ledger, seed, TODAY, 3, 60, 0.1, EnumSet.allOf(Fault.class));

            assertThat(input.planted()).containsExactlyInAnyOrder(Fault.values());
            checkOutcome(ledger, input, seed);
        });
    }

    @Test
    void shouldNeverThrowOnRandomBytesAndAccountForEveryRowRead() {
        Seeds.check(300, seed -> {
            Random random = new Random(seed);
            Path folder = Files.createDirectories(dir.resolve("bytes-" + seed));
            for (int i = random.nextInt(4); i >= 0; i--) {
                Files.write(folder.resolve("f" + i + ".csv"), randomContent(random));
            }

            checkAccounting(folder);
            deleteTree(folder);
        });
    }

    @Test
    void shouldNeverThrowOnGeneratedFilesWithRandomBytesChangedAndAccountForEveryRowRead() {
        Seeds.check(150, seed -> {
            Random random = new Random(seed);
            GeneratedInput input = GeneratedInput.next(null, seed, TODAY, 2, 20, 0.2, Set.of());
            Path folder = Files.createDirectories(dir.resolve("flipped-" + seed));
            for (GeneratedInput.GeneratedFile file : input.files()) {
                Files.write(folder.resolve(file.name()), damage(file.bytes(), random));
            }

            checkAccounting(folder);
            deleteTree(folder);
        });
    }

    @Test
    void shouldReadBackExactlyTheFieldsWrittenWithQuotingLineEndsAndAByteOrderMark() {
        String[] alphabet = {"a", "Z", "0", " ", ",", "\"", "\n", "\r\n", "\r", "\t", "é", "🪖", "\uFEFF", "ק", "=", "''"};
        Seeds.check(300, seed -> {
            Random random = new Random(seed);
            List<Column> layout = new ArrayList<>(List.of(Column.values()));
            Collections.shuffle(layout, random);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
            text.append(String.join(",", layout.stream().map(Column::header).toList())).append("\r\n");
            long line = 2;
            Map<Long, List<String>> written = new LinkedHashMap<>();
            for (int r = random.nextInt(30); r > 0; r--) {
                List<String> fields = new ArrayList<>();
                List<String> encoded = new ArrayList<>();
                long breaks = 0;
                for (int f = 0; f < layout.size(); f++) {
                    StringBuilder field = new StringBuilder();
                    for (int c = random.nextInt(3) == 0 ? 0 : random.nextInt(12); c > 0; c--) {
                        field.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    String value = field.toString();
                    fields.add(value);
                    boolean special = value.matches("(?s).*[,\"\r\n].*") || value.startsWith("\uFEFF");
                    encoded.add(special || random.nextInt(4) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
                    breaks += value.replace("\r\n", "\n").chars().filter(ch -> ch == '\n' || ch == '\r').count();
                }
                written.put(line, fields);
                text.append(String.join(",", encoded)).append(random.nextBoolean() ? "\n" : "\r\n");
                line += breaks + 1;
            }
            Path folder = Files.createDirectories(dir.resolve("roundtrip-" + seed));
            Files.writeString(folder.resolve("a.csv"), text, StandardCharsets.UTF_8);

            Map<Long, List<String>> read = new LinkedHashMap<>();
            try (InputFiles files = InputFiles.open(folder)) {
                InputRow row;
                while ((row = files.next()) != null) {
                    assertThat(row.fault()).as("fault").isNull();
                    InputRow data = row;
                    read.put(row.line(), layout.stream().map(data::value).toList());
                }
            }

            assertThat(read).isEqualTo(written);
            deleteTree(folder);
        });
    }

    // ---- the path of the job: read, check values, apply the ledger rules ------------------------

    /** What became of the rows of a folder. */
    private record Outcome(long read, List<Rejection> rejected, Map<String, Claim> loaded, Set<String> already) {
    }

    private static Outcome ingest(Path folder, LedgerView ledger) throws IOException {
        ClaimParser parser = new ClaimParser(TODAY);
        LedgerRules rules = new LedgerRules(ledger);
        long read = 0;
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Claim> loaded = new LinkedHashMap<>();
        Set<String> already = new HashSet<>();
        try (InputFiles files = InputFiles.open(folder)) {
            InputRow row;
            while ((row = files.next()) != null) {
                read++;
                ClaimParser.Outcome parsed = parser.parse(row);
                if (parsed.rejection() != null) {
                    rejected.add(parsed.rejection());
                    continue;
                }
                LedgerRules.Decision decision = rules.apply(parsed.claim(), row);
                String where = row.file() + ":" + row.line();
                switch (decision.kind()) {
                    case ACCEPTED -> loaded.put(where, parsed.claim());
                    case ALREADY_IN_LEDGER -> already.add(where);
                    case REJECTED -> rejected.add(decision.rejection());
                }
            }
        }
        return new Outcome(read, rejected, loaded, already);
    }

    private void checkOutcome(GeneratedInput ledger, GeneratedInput input, long seed) throws IOException {
        InMemoryLedger view = new InMemoryLedger();
        Path ledgerFolder = dir.resolve("ledger-" + seed);
        ledger.writeTo(ledgerFolder);
        Outcome earlier = ingest(ledgerFolder, view);
        assertThat(earlier.rejected()).as("rejections of the earlier run").isEmpty();
        assertThat(earlier.loaded()).hasSameSizeAs(ledger.loaded());

        Path inputFolder = dir.resolve("input-" + seed);
        input.writeTo(inputFolder);
        Outcome outcome = ingest(inputFolder, view);

        assertThat(outcome.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        List<String> expected = input.rejections().stream().map(Expected::where).toList();
        List<String> unexpected = outcome.rejected().stream().filter(r -> !expected.contains(where(r)))
                .map(r -> where(r) + " " + r.reason()).toList();
        assertThat(outcome.rejected().stream().map(IngestPropertyTests::where).toList())
                .as("rejections (file:line:column); unexpected: %s", unexpected)
                .containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Claim> expectedClaims = new HashMap<>();
        input.loaded().forEach((where, values) -> expectedClaims.put(where, values.claim()));
        assertThat(outcome.loaded()).as("claims loaded, by file:line").isEqualTo(expectedClaims);
        assertThat(outcome.already()).as("rows already in the ledger").isEqualTo(input.alreadyInLedger());
        assertThat(outcome.read()).as("rows read").isEqualTo(input.rowsRead())
                .isEqualTo(outcome.loaded().size() + outcome.already().size() + outcome.rejected().size());
        deleteTree(ledgerFolder);
        deleteTree(inputFolder);
    }

    private static String where(Rejection rejection) {
        return rejection.file() + ":" + rejection.line() + ":" + rejection.column();
    }

    /** Whatever the bytes: no exception, every row read has one outcome, lines in order and within the file. */
    private static void checkAccounting(Path folder) throws IOException {
        Map<String, Long> lastLine = new HashMap<>();
        Map<String, Long> maxLine = new HashMap<>();
        Set<String> wholeFileFaults = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                long breaks = text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
                maxLine.put(file.getFileName().toString(), breaks + 1);
            }
        }
        InMemoryLedger view = new InMemoryLedger();
        ClaimParser parser = new ClaimParser(TODAY);
        LedgerRules rules = new LedgerRules(view);
        try (InputFiles files = InputFiles.open(folder)) {
            InputRow row;
            while ((row = files.next()) != null) {
                assertThat(maxLine).containsKey(row.file());
                assertThat(row.line()).as("line of %s", row.file()).isBetween(1L, maxLine.get(row.file()));
                assertThat(row.line()).as("lines in order in %s", row.file()).isGreaterThan(lastLine.getOrDefault(row.file(), 0L));
                assertThat(wholeFileFaults).as("rows after a whole-file fault").doesNotContain(row.file());
                lastLine.put(row.file(), row.line());
                if (row.fault() != null) {
                    assertThat(row.fault().column()).isEmpty();
                    if (row.fault().reason().startsWith("The file") || row.fault().reason().startsWith("The header")) {
                        wholeFileFaults.add(row.file());
                    }
                }
                ClaimParser.Outcome parsed = parser.parse(row);
                if (parsed.rejection() != null) {
                    assertThat(parsed.rejection().file()).isEqualTo(row.file());
                    assertThat(parsed.rejection().line()).isEqualTo(row.line());
                } else {
                    LedgerRules.Decision decision = rules.apply(parsed.claim(), row);
                    if (decision.kind() == LedgerRules.Decision.Kind.REJECTED) {
                        assertThat(decision.rejection().file()).isEqualTo(row.file());
                        assertThat(decision.rejection().line()).isEqualTo(row.line());
                    }
                }
            }
        }
    }

    private static byte[] randomContent(Random random) {
        String header = "record_id,reported_on,source,subject,metric,value_low";
        String[] pieces = {"a", "1", ",", "\"", "\r", "\n", "\r\n", " ", "-", "é", "🪖", "\uFEFF", "\t", "2025-04-30", "killed",
                "4,700", "NIS", "\"\"", "r1", "\u0000", "ק"};
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(3000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(3000)];
                random.nextBytes(bytes);
                byte[] head = (header + "\n").getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[head.length + bytes.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(bytes, 0, all, head.length, bytes.length);
                yield all;
            }
            default -> {
                StringBuilder text = new StringBuilder(random.nextBoolean() ? header + "\r\n" : "");
                for (int i = random.nextInt(2000); i > 0; i--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                yield text.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** Flips, inserts, deletes or cuts a few bytes. */
    private static byte[] damage(byte[] bytes, Random random) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        for (int i = 1 + random.nextInt(4); i > 0 && !list.isEmpty(); i--) {
            int at = random.nextInt(list.size());
            switch (random.nextInt(4)) {
                case 0 -> list.set(at, (byte) (list.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> list.add(at, (byte) random.nextInt(256));
                case 2 -> list.remove(at);
                default -> list.subList(at, list.size()).clear();
            }
        }
        byte[] damaged = new byte[list.size()];
        for (int i = 0; i < damaged.length; i++) {
            damaged[i] = list.get(i);
        }
        return damaged;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
