package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import briefing.BriefingProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails while rendering, injected ({@link FailingRender}) or for real on a full disk:
 * the run fails with exit 4 and the reason in one line, nothing is left in the period's folder, and
 * the next run completes the briefing. Separate JVMs, as cron would start them.
 */
class RenderFaultTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> BRIEFING = List.of("briefing.pdf", "briefing.xlsx", "changes.csv", "manifest.json", "rejected.csv");

    @TempDir
    Path work;

    private Path folder;
    private Map<String, String> input;

    @BeforeEach
    void copySample() throws IOException {
        Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), work.resolve("input/claims-2025-04-30.csv"));
        input = DatabaseFaultTests.contents(work.resolve("input"));
        folder = work.resolve("reports/weekly/2025-W18");
    }

    @Test
    void shouldFailWithExitFourLeavingNothingInThePeriodFolderWhenAWriteFailsHalfWayThenCompleteOnTheNextRun() throws Exception {
        // when: briefing.xlsx fails half way
        BriefingProcess failing = BriefingProcess.start(work, List.of(FailingRender.SOURCES), "--period=2025-W18");

        // then
        assertThat(failing.exitCode(TIMEOUT)).as(failing.output()).isEqualTo(4);
        assertOneLineReason(failing.output(), FailingRender.MESSAGE);
        assertNothingPublished();

        // when: the same command again, with writers that work
        BriefingProcess next = BriefingProcess.start(work, "--period=2025-W18");

        // then
        assertThat(next.exitCode(TIMEOUT)).as(next.output()).isEqualTo(0);
        assertThat(next.output()).contains("Resuming 2025-W18");
        assertWholeBriefing();
    }

    /**
     * The compute step saves its briefing beside the render step, so a run that stopped after the compute step may
     * have left none: the next run computes it again, the same figures from the same claims known at the same cutoff.
     */
    @Test
    void shouldComputeTheBriefingAgainWhenTheRunAfterAFailedRenderFindsNoneStored() throws Exception {
        BriefingProcess failing = BriefingProcess.start(work, List.of(FailingRender.SOURCES), "--period=2025-W18");
        assertThat(failing.exitCode(TIMEOUT)).as(failing.output()).isEqualTo(4);
        try (Stream<Path> stored = Files.list(work.resolve("data/work"))) {
            for (Path file : stored.filter(p -> p.getFileName().toString().startsWith("briefing-")).toList()) {
                Files.delete(file);
            }
        }

        BriefingProcess next = BriefingProcess.start(work, "--period=2025-W18");

        assertThat(next.exitCode(TIMEOUT)).as(next.output()).isEqualTo(0);
        assertThat(next.output()).contains("Resuming 2025-W18", "computing it again");
        assertWholeBriefing();
        BriefingProcess verify = BriefingProcess.start(work, "--verify=" + folder);
        assertThat(verify.exitCode(TIMEOUT)).as(verify.output()).isEqualTo(0);
    }

    @Test
    void shouldFailWithExitFourWhenTheDiskFillsWhileRenderingThenSucceedOnceThereIsSpace() throws Exception {
        Path reports = Files.createDirectories(work.resolve("reports"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", reports.toString()) == 0,
                "this machine does not let the test mount a small tmpfs");
        try {
            // given: the disk holding the reports has 16 KB left, room for the CSV files but not the workbook
            FileStore disk = Files.getFileStore(reports);
            try (OutputStream filler = Files.newOutputStream(reports.resolve("filler"))) {
                byte[] block = new byte[4096];
                for (long left = disk.getUsableSpace() - 16 * 1024; left > 0; left -= block.length) {
                    filler.write(block);
                }
            }

            BriefingProcess full = BriefingProcess.start(work, "--period=2025-W18");

            assertThat(full.exitCode(TIMEOUT)).as(full.output()).isEqualTo(4);
            assertOneLineReason(full.output(), "No space left on device");
            assertNothingPublished();

            // when: space is back
            Files.delete(reports.resolve("filler"));
            BriefingProcess next = BriefingProcess.start(work, "--period=2025-W18");

            assertThat(next.exitCode(TIMEOUT)).as(next.output()).isEqualTo(0);
            assertWholeBriefing();
        } finally {
            if (command("umount", reports.toString()) != 0) {
                command("umount", "-l", reports.toString());
            }
        }
    }

    /** The reason is on stderr in one line; there is no stack trace on the console. */
    static void assertOneLineReason(String output, String reason) {
        assertThat(output.lines().filter(l -> l.startsWith("briefing: the run failed: ")))
                .as(output).singleElement().asString().contains(reason);
        assertThat(output.lines()).as("console output").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:"));
    }

    /** Neither the period's folder nor any file in it; at most the hidden staging folder beside it, with whole files only. */
    private void assertNothingPublished() throws IOException {
        assertThat(folder).satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(f).isEmptyDirectory());
        try (Stream<Path> paths = Files.walk(work.resolve("reports"))) {
            assertThat(paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("filler")))
                    .allSatisfy(p -> {
                        assertThat(p.getParent().getFileName().toString()).startsWith(".2025-W18.staging-");
                        // files finished before (or beside, two are written at a time) the one that failed wait in
                        // staging; the failed one and any temporary file are gone
                        assertThat(p.getFileName().toString()).isIn("changes.csv", "rejected.csv", "briefing.pdf");
                    });
        }
        assertThat(DatabaseFaultTests.contents(work.resolve("input"))).as("input").isEqualTo(input);
    }

    private void assertWholeBriefing() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(BRIEFING);
        }
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("staging folders left").containsExactly("2025-W18");
        }
        BriefingProcess verify = BriefingProcess.start(work, "--verify=" + folder);
        assertThat(verify.exitCode(TIMEOUT)).as(verify.output()).isEqualTo(0);
        assertThat(DatabaseFaultTests.contents(work.resolve("input"))).as("input").isEqualTo(input);
    }

    static int command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
