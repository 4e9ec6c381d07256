package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.CsvRows;
import briefing.ledger.GeneratedInput;
import briefing.ledger.GeneratedInput.Expected;
import briefing.ledger.GeneratedInput.Fault;
import briefing.ledger.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command over generated input with a known list of bad rows and files of every kind, after
 * an earlier run filled the ledger: {@code rejected.csv} lists exactly those, with file and line, and
 * the manifest's counts add up. Then over random bytes: the job never fails on what it reads.
 */
class GeneratedInputJobTests {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path work;

    @Test
    void shouldListExactlyThePlantedFaultsOfEveryKindInRejectedCsvAndAccountForEveryRow() {
        Seeds.check(1, seed -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            GeneratedInput ledger = GeneratedInput.ledger(seed, today, 40);
            GeneratedInput input = GeneratedInput.next(ledger, seed, today, 4, 120, 0.05, EnumSet.allOf(Fault.class));
            assertThat(input.planted()).containsExactlyInAnyOrder(Fault.values());
            ledger.writeTo(work.resolve("ledger-input"));
            input.writeTo(work.resolve("input"));

            // when: the earlier run, then this one
            assertThat(run("2025-W17", "ledger-input")).as("exit code of the earlier run").isEqualTo(0);
            assertThat(run("2025-W18", "input")).as("exit code").isEqualTo(3);

            // then
            Path folder = work.resolve("reports/weekly/2025-W18");
            List<List<String>> rejected = CsvRows.read(folder.resolve("rejected.csv"));
            assertThat(rejected.get(0)).containsExactly("file", "line", "record_id", "column", "reason");
            List<String> expected = input.rejections().stream()
                    .sorted(Comparator.comparing(Expected::file, GeneratedInputJobTests::codePointOrder)
                            .thenComparingLong(Expected::line))
                    .map(e -> e.file() + ":" + e.line() + ":" + e.column()).toList();
            assertThat(rejected.subList(1, rejected.size()).stream().map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(3)).toList())
                    .containsExactlyElementsOf(expected);
            assertThat(rejected.subList(1, rejected.size())).allSatisfy(r -> assertThat(r.get(4)).isNotBlank());

            String manifest = Files.readString(folder.resolve("manifest.json"));
            long read = count(manifest, "rowsRead");
            assertThat(read).isEqualTo(input.rowsRead())
                    .isEqualTo(count(manifest, "loaded") + count(manifest, "alreadyInLedger") + count(manifest, "rejected"))
                    .as("rows of the input files, counted apart").isEqualTo(sumOfInputRows(manifest));
            assertThat(count(manifest, "loaded")).isEqualTo(input.loaded().size());
            assertThat(count(manifest, "alreadyInLedger")).isEqualTo(input.alreadyInLedger().size());
            assertThat(count(manifest, "rejected")).isEqualTo(input.rejections().size());
            assertThat(ledgerRows()).isEqualTo(ledger.loaded().size() + input.loaded().size());
        });
    }

    @Test
    void shouldNeverFailOnRandomBytesAndAccountForEveryRowRead() {
        Seeds.check(1, seed -> {
            Random random = new Random(seed);
            Path input = Files.createDirectories(work.resolve("input"));
            for (int i = 0; i < 4; i++) {
                Files.write(input.resolve("random-" + i + ".csv"), i % 2 == 0 ? randomBytes(random) : randomText(random));
            }

            int code = run("2025-W18", "input");

            assertThat(code).as("exit code").isIn(0, 3);
            Path folder = work.resolve("reports/weekly/2025-W18");
            String manifest = Files.readString(folder.resolve("manifest.json"));
            long rejected = count(manifest, "rejected");
            assertThat(count(manifest, "rowsRead")).isEqualTo(sumOfInputRows(manifest))
                    .isEqualTo(count(manifest, "loaded") + count(manifest, "alreadyInLedger") + rejected);
            assertThat(CsvRows.read(folder.resolve("rejected.csv"))).hasSize(1 + (int) rejected);
        });
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(20_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A header, then UTF-8 text of random characters, heavy in commas, quotes and line ends: rows the reader gets to. */
    private static byte[] randomText(Random random) {
        StringBuilder text = new StringBuilder("record_id,reported_on,source,subject,metric,value_low\n");
        String frequent = ",,,,\"\n\r\n 0123456789-";
        for (int i = random.nextInt(20_000); i > 0; i--) {
            int codePoint = random.nextInt(3) == 0 ? random.nextInt(0x11_0000) : frequent.charAt(random.nextInt(frequent.length()));
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private int run(String period, String input) {
        return BriefingApplication.run(new String[] {"--period=" + period, "--input=" + work.resolve(input),
                "--data=" + work.resolve("data"), "--reports=" + work.resolve("reports")}, NO_ENV);
    }

    private static long count(String manifest, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\\d+)").matcher(manifest);
        assertThat(m.find()).as(name + " in the manifest").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long sumOfInputRows(String manifest) {
        String inputs = manifest.substring(manifest.indexOf("\"inputs\""), manifest.indexOf("\"counts\""));
        Matcher m = Pattern.compile("\"rows\": (\\d+)").matcher(inputs);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private long ledgerRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(SUM(claims), 0) FROM claim_block")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int codePointOrder(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

}
