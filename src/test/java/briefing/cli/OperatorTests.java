package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.BriefingProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators and auditors do, each as separate processes: concurrent runs, verify, as-of re-runs. */
class OperatorTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void shouldNotRunWhileAnotherRunHoldsTheLock() throws Exception {
        copySample();
        // the other run is this test's process: it holds the lock file a run holds (ConcurrentLaunchTests races real runs)
        try (RunLock other = RunLock.tryAcquire(work.resolve("data")).orElseThrow()) {
            BriefingProcess refused = BriefingProcess.start(work, "--period=2025-W18");

            assertThat(refused.exitCode(TIMEOUT)).as(refused.output()).isEqualTo(5);
            assertThat(refused.output()).contains("another run holds the lock");
            assertThat(work.resolve("reports/weekly/2025-W18")).doesNotExist();
            assertThat(Files.readString(work.resolve("data/logs/briefing.log"))).containsPattern(
                    "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z WARN  briefing Another run holds the lock .*briefing\\.lock; nothing was touched\\.");
        }
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        assertThat(work.resolve("reports/weekly/2025-W18/manifest.json")).exists();
    }

    @Test
    void shouldVerifyAnUntouchedFolderAndNameTheFileThatChanged() throws Exception {
        copySample();
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        Path folder = work.resolve("reports/weekly/2025-W18");

        BriefingProcess untouched = BriefingProcess.start(work, "--verify=" + folder);
        assertThat(untouched.exitCode(TIMEOUT)).as(untouched.output()).isEqualTo(0);

        byte[] changes = Files.readAllBytes(folder.resolve("changes.csv"));
        changes[changes.length - 3] ^= 1;
        Files.write(folder.resolve("changes.csv"), changes);
        BriefingProcess tampered = BriefingProcess.start(work, "--verify=" + folder);
        assertThat(tampered.exitCode(TIMEOUT)).as(tampered.output()).isEqualTo(6);
        assertThat(tampered.output()).contains("differ from their re-creation: changes.csv");
        assertThat(Files.readString(work.resolve("data/logs/briefing.log"))).contains(
                "verify " + folder + ": every file matches its re-creation", "verify " + folder + ": differing changes.csv");
    }

    @Test
    void shouldReproduceTheSentFiguresWithTheOriginalCutoffAfterLateRecordsArrive() throws Exception {
        copySample();
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        Path sent = work.resolve("reports/weekly/2025-W18");
        Matcher cutoff = Pattern.compile("\"cutoff\": \"([^\"]+)\"").matcher(Files.readString(sent.resolve("manifest.json")));
        assertThat(cutoff.find()).isTrue();
        Files.writeString(work.resolve("input/late.csv"), """
                record_id,reported_on,source,subject,metric,value_low
                late-killed,2025-05-01,NIS (South Korea),DPRK forces in Russia,killed,650
                """);

        // the next week's run loads the late record (reported inside W18); the sent W18 stays as it was
        assertThat(run("--period=2025-W19")).isEqualTo(0);
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        assertThat(run("--period=2025-W18", "--as-of=" + cutoff.group(1))).isEqualTo(0);

        Path asOf = sent.resolve("as-of-" + cutoff.group(1).replace(":", ""));
        for (String name : List.of("changes.csv", "rejected.csv")) {
            assertThat(Files.readAllBytes(asOf.resolve(name))).as(name).isEqualTo(Files.readAllBytes(sent.resolve(name)));
        }
        assertThat(Files.readString(work.resolve("reports/weekly/2025-W19/changes.csv")))
                .contains("killed,NIS (South Korea),false,650,650,650,650,0,0,0.0,carried,late-killed");
        // and the W19 briefing says that the W18 figure moved after it was sent
        try (PDDocument pdf = Loader.loadPDF(work.resolve("reports/weekly/2025-W19/briefing.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Restated since the 2025-W18 briefing", "Killed NIS (South Korea) 600 650 +50");
        }
    }

    @Test
    void shouldReportAPeriodStoppedInItsIngestAnewOnceOtherRunsCameAfterIt() throws Exception {
        copySample();
        // W20 stops in its ingest (its input folder goes away), then W21 is reported and sent
        BriefingProcess failing = BriefingProcess.start(work, List.of(VanishingInput.SOURCES), "--period=2025-W20");
        assertThat(failing.exitCode(TIMEOUT)).as(failing.output()).isEqualTo(4);
        assertThat(failing.output()).contains("(step ingest of 2025-W20)");
        Files.move(work.resolve("input.away"), work.resolve("input"));
        BriefingProcess next = BriefingProcess.start(work, "--period=2025-W21");
        assertThat(next.exitCode(TIMEOUT)).as(next.output()).isEqualTo(0);
        // cron runs each period once: the operator is told which one waits
        assertThat(next.output()).contains("The run of 2025-W20 did not finish; scripts/briefing --period=2025-W20 reports it.");
        Path sentW21 = work.resolve("reports/weekly/2025-W21");
        Files.writeString(work.resolve("input/late.csv"), """
                record_id,reported_on,source,subject,metric,value_low
                late-killed,2025-05-15,NIS (South Korea),DPRK forces in Russia,killed,999
                """);

        // resumed with its first cutoff, W20 would load the late record as known before W21's cutoff
        BriefingProcess again = BriefingProcess.start(work, "--period=2025-W20");
        assertThat(again.exitCode(TIMEOUT)).as(again.output()).isEqualTo(0);
        assertThat(again.output()).contains("stopped in its ingest and other runs came after it");
        assertThat(Files.readString(work.resolve("reports/weekly/2025-W20/changes.csv"))).contains("late-killed");
        BriefingProcess verify = BriefingProcess.start(work, "--verify=" + sentW21);
        assertThat(verify.exitCode(TIMEOUT)).as(verify.output()).isEqualTo(0);
    }

    @Test
    void shouldResumeWithTheFoldersOfTheCommandThatResumesIt() throws Exception {
        copySample();
        // the render step fails: its reports folder is on a disk that fills
        BriefingProcess failing = BriefingProcess.start(work, List.of(FailingRender.SOURCES), "--period=2025-W18",
                "--reports=reports-full");
        assertThat(failing.exitCode(TIMEOUT)).as(failing.output()).isEqualTo(4);

        BriefingProcess again = BriefingProcess.start(work, "--period=2025-W18", "--reports=reports-fixed");
        assertThat(again.exitCode(TIMEOUT)).as(again.output()).isEqualTo(0);
        assertThat(again.output()).contains("Resuming 2025-W18");
        assertThat(work.resolve("reports-fixed/weekly/2025-W18/manifest.json")).exists();
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheMachinesLocaleAndZone() throws Exception {
        copySample();
        String asOf = "--as-of=2025-05-05T06:00:00Z";
        List<String> names = List.of("briefing.pdf", "briefing.xlsx", "changes.csv", "rejected.csv", "manifest.json");
        Path english = work.resolve("reports/weekly/2025-W18/as-of-2025-05-05T060000Z");
        assertThat(run("--period=2025-W18", asOf)).isEqualTo(0);
        for (String tag : List.of("ar-SA", "tr-TR")) {
            Path reports = work.resolve("reports-" + tag);
            String[] language = tag.split("-");
            BriefingProcess process = BriefingProcess.start(work, List.of("-Duser.language=" + language[0],
                    "-Duser.country=" + language[1], "-Duser.timezone=Pacific/Kiritimati"),
                    "--period=2025-W18", asOf, "--data=data-" + tag, "--reports=" + reports);
            assertThat(process.exitCode(TIMEOUT)).as(process.output()).isEqualTo(0);
            for (String name : names) {
                assertThat(reports.resolve("weekly/2025-W18/as-of-2025-05-05T060000Z/" + name)).as(tag + " " + name)
                        .hasSameBinaryContentAs(english.resolve(name));
            }
        }
    }

    @Test
    void shouldWarnOfAnEmptyInputFolderAndOfACutoffThatKnowsNothingOrEndsBeforeThePeriod() throws Exception {
        Files.createDirectories(work.resolve("input"));
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        String emptyInput = Files.readString(work.resolve("data/logs/briefing.log"));
        assertThat(emptyInput).contains("WARN  briefing The input folder " + work.resolve("input") + " holds no *.csv file");

        copySample();
        assertThat(run("--period=2025-W19")).isEqualTo(0);
        assertThat(run("--period=2025-W19", "--as-of=2025-05-08")).isEqualTo(0);
        String log = Files.readString(work.resolve("data/logs/briefing.log")).substring(emptyInput.length());
        assertThat(log).doesNotContain("holds no *.csv file").contains(
                "The cutoff 2025-05-08T00:00:00Z is before 2025-W19 ended (on 2025-05-11): this briefing is a preview",
                "The cutoff 2025-05-08T00:00:00Z is before the ledger's first records were loaded");
    }

    @Test
    void shouldSayHowToMakeABriefingAgainWhoseFolderIsGone() throws Exception {
        copySample();
        assertThat(run("--period=2025-W18")).isEqualTo(0);
        Path folder = work.resolve("reports/weekly/2025-W18");
        Files.move(folder, work.resolve("moved-away"));

        BriefingProcess again = BriefingProcess.start(work, "--period=2025-W18");

        assertThat(again.exitCode(TIMEOUT)).as(again.output()).isEqualTo(0);
        assertThat(again.output()).contains("was already reported in " + folder + ": nothing to do.",
                "That folder no longer holds the briefing (moved or deleted?): scripts/briefing --period=2025-W18 --as-of=");
    }

    private int run(String... args) throws Exception {
        BriefingProcess process = BriefingProcess.start(work, args);
        return process.exitCode(TIMEOUT);
    }

    private void copySample() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), input.resolve("claims-2025-04-30.csv"));
    }
}
