package briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import briefing.cli.RunLock;
import briefing.period.Granularity;
import briefing.period.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in this JVM: exit codes, idempotence, the lock, byte-identical re-runs. */
class BriefingApplicationTests {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path work;

    @Test
    void shouldWriteAllFilesAndExitZeroThenDoNothingTheSecondTime() throws IOException {
        String[] args = args("2025-W18", work.resolve("data"), work.resolve("reports"));

        assertThat(BriefingApplication.run(args, NO_ENV)).isEqualTo(0);
        Path folder = work.resolve("reports/weekly/2025-W18");
        assertThat(fileNames(folder)).containsAll(List.of("changes.csv", "rejected.csv", "manifest.json"));
        byte[] before = Files.readAllBytes(folder.resolve("manifest.json"));

        assertThat(BriefingApplication.run(args, NO_ENV)).isEqualTo(0);
        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(before);
        // a wrapper that always gives the folders may ask for the history too
        assertThat(BriefingApplication.run(new String[] {"--history", "--input=input", "--data=" + work.resolve("data"),
                "--reports=" + work.resolve("reports")}, NO_ENV)).isEqualTo(0);
    }

    @Test
    void shouldGiveIdenticalBytesForTheSameInputPeriodAndCutoff() throws IOException {
        String asOf = "--as-of=2099-01-01";
        assertThat(BriefingApplication.run(args("2025-W18", work.resolve("d1"), work.resolve("r1"), asOf), NO_ENV)).isEqualTo(0);
        assertThat(BriefingApplication.run(args("2025-W18", work.resolve("d2"), work.resolve("r2"), asOf), NO_ENV)).isEqualTo(0);

        Path first = work.resolve("r1/weekly/2025-W18/as-of-2099-01-01T000000Z");
        Path second = work.resolve("r2/weekly/2025-W18/as-of-2099-01-01T000000Z");
        List<String> names = fileNames(first);
        assertThat(names).isNotEmpty().isEqualTo(fileNames(second));
        for (String name : names) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    @Test
    void shouldWriteTheSameBytesAgainWhenAnAuditorReRunsACutoffIntoAnotherFolder() throws IOException {
        Path data = work.resolve("data");
        String asOf = "--as-of=2099-01-01T00:00:00Z";
        assertThat(BriefingApplication.run(args("2025-W18", data, work.resolve("sent"), asOf), NO_ENV)).isEqualTo(0);
        assertThat(BriefingApplication.run(args("2025-W18", data, work.resolve("audit"), asOf), NO_ENV)).isEqualTo(0);

        Path sent = work.resolve("sent/weekly/2025-W18/as-of-2099-01-01T000000Z");
        Path audit = work.resolve("audit/weekly/2025-W18/as-of-2099-01-01T000000Z");
        assertThat(fileNames(audit)).hasSize(5).isEqualTo(fileNames(sent));
        for (String name : fileNames(sent)) {
            assertThat(Files.readAllBytes(audit.resolve(name))).as(name).isEqualTo(Files.readAllBytes(sent.resolve(name)));
        }
    }

    @Test
    void shouldExitThreeWhenRowsWereRejected() throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("claims.csv"), """
                record_id,reported_on,source,subject,metric,value_low
                a,2025-04-30,NIS,DPRK,killed,600
                b,2025-04-30,NIS,DPRK,killed,4.7k
                """);

        int code = BriefingApplication.run(new String[] {"--period=2025-W18", "--input=" + input,
                "--data=" + work.resolve("data"), "--reports=" + work.resolve("reports")}, NO_ENV);

        assertThat(code).isEqualTo(3);
        assertThat(Files.readAllLines(work.resolve("reports/weekly/2025-W18/rejected.csv")))
                .hasSize(2).last().asString().startsWith("claims.csv,3,b,value_low,");
    }

    @Test
    void shouldExitWithTheLockCodeWhileAnotherRunHoldsTheLock() throws IOException {
        Path data = work.resolve("data");
        try (RunLock held = RunLock.tryAcquire(data).orElseThrow()) {
            assertThat(BriefingApplication.run(args("2025-W18", data, work.resolve("reports")), NO_ENV)).isEqualTo(5);
        }
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void shouldExitTwoOnUsageErrors() {
        assertThat(BriefingApplication.run(new String[] {"--period=2025-W54"}, NO_ENV)).isEqualTo(2);
        assertThat(BriefingApplication.run(new String[] {"--perod=2025-W18"}, NO_ENV)).isEqualTo(2);
        assertThat(BriefingApplication.run(new String[] {"--as-of=yesterday"}, NO_ENV)).isEqualTo(2);
        assertThat(BriefingApplication.run(new String[] {"--verify=" + work.resolve("no-such-folder")}, NO_ENV)).isEqualTo(2);
        assertThat(BriefingApplication.run(new String[] {"--period=2025-W18"}, Map.of("BRIEFING_DEFAULT_GRANULARITY", "yearly")))
                .isEqualTo(2);
        assertThat(work.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void shouldExitTwoBeforeTouchingAnythingWhenOptionsOrFoldersCannotServe() throws IOException {
        Path data = work.resolve("data");
        Path file = Files.writeString(work.resolve("a-file"), "x");
        Path published = Files.createDirectories(work.resolve("not-published"));
        // a folder --verify would take, so that only the options given with it can make these exit 2
        Path withManifest = Files.createDirectories(work.resolve("published"));
        Files.writeString(withManifest.resolve("manifest.json"), "{}");
        List<List<String>> wrong = List.of(
                List.of("--period=" + thisWeek()),
                List.of("--period=2099-W01"),
                List.of("--period=2025-W18", "--input=input", "--reports=" + file),
                List.of("--period=2025-W18", "--input=input", "--reports=" + file.resolve("below")),
                List.of("--period=2025-W18", "--input=input", "--data=" + file),
                List.of("--verify=" + published),
                List.of("--history", "--period=2025-W18"),
                List.of("--verify=" + withManifest, "--as-of=2025-05-05"),
                List.of("--history", "--verify=" + withManifest));
        for (List<String> args : wrong) {
            List<String> all = new ArrayList<>(args);
            if (args.stream().noneMatch(arg -> arg.startsWith("--data"))) {
                all.add("--data=" + data);
            }
            assertThat(BriefingApplication.run(all.toArray(String[]::new), NO_ENV)).as(String.join(" ", args)).isEqualTo(2);
        }
        assertThat(BriefingApplication.run(args("2025-W18", data, work.resolve("reports")),
                Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:gone"))).isEqualTo(2);
        assertThat(data).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void shouldExitTwoWithoutStartingAJobWhenTheInputFolderARunWouldReadIsMissing() {
        Path data = work.resolve("data");
        String[] missingInput = {"--period=2025-W18", "--input=" + work.resolve("no-such-input"), "--data=" + data,
                "--reports=" + work.resolve("reports")};

        assertThat(BriefingApplication.run(missingInput, NO_ENV)).isEqualTo(2);
        // no failed run was left to be resumed: the period runs at once with an input folder
        assertThat(BriefingApplication.run(args("2025-W18", data, work.resolve("reports")), NO_ENV)).isEqualTo(0);
        // and once reported, a machine without the input folder finds it so
        assertThat(BriefingApplication.run(missingInput, NO_ENV)).isEqualTo(0);
    }

    @Test
    void shouldLetTheLastOfAnOptionGivenTwiceWinAsWrappersExpect() {
        String[] args = {"--period=2025-W17", "--period=2025-W18", "--input=input", "--data=" + work.resolve("data"),
                "--reports=" + work.resolve("reports")};

        assertThat(BriefingApplication.run(args, NO_ENV)).isEqualTo(0);
        assertThat(work.resolve("reports/weekly/2025-W18/manifest.json")).exists();
        assertThat(work.resolve("reports/weekly/2025-W17")).doesNotExist();
    }

    /** The ISO week of today (UTC); the tests that use it are skipped in the last minute of a week. */
    private static String thisWeek() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assumeTrue(now.getDayOfWeek() != DayOfWeek.SUNDAY || now.getHour() < 23 || now.getMinute() < 59,
                "the week may end while the test runs");
        return Period.containing(now.toLocalDate(), Granularity.WEEKLY).label();
    }

    @Test
    void shouldTakeAPeriodNotEndedAsAPreviewWithACutoff() {
        String thisWeek = thisWeek();

        int code = BriefingApplication.run(args(thisWeek, work.resolve("data"), work.resolve("reports"), "--as-of=2025-01-01"),
                NO_ENV);

        assertThat(code).isEqualTo(0);
        assertThat(work.resolve("reports/weekly/" + thisWeek + "/as-of-2025-01-01T000000Z/manifest.json")).exists();
    }

    @Test
    void shouldRefuseAnEmptyDatabaseUrlRatherThanRunOnAThrowawayDatabase() {
        Path data = work.resolve("data");

        int code = BriefingApplication.run(args("2025-W18", data, work.resolve("reports")), Map.of("BRIEFING_DB_URL", " "));

        assertThat(code).isEqualTo(2);
        assertThat(data).doesNotExist();
        assertThat(work.resolve("reports")).doesNotExist();
    }

    private static String[] args(String period, Path data, Path reports, String... more) {
        Stream<String> base = Stream.of("--period=" + period, "--input=input", "--data=" + data, "--reports=" + reports);
        return Stream.concat(base, Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
