package briefing.cli;

import static briefing.cli.RenderFaultTests.assertOneLineReason;
import static briefing.cli.RenderFaultTests.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import briefing.BriefingProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger database corrupt, read-only, or held open by another program: exit 4 with the reason on
 * stderr in one line, no stack trace on the console, and the input folder untouched.
 */
class DatabaseFaultTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE_FAULT = "the database could not be opened or used";

    @TempDir
    Path work;

    private Map<String, String> input;

    @BeforeEach
    void copySample() throws IOException {
        Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), work.resolve("input/claims-2025-04-30.csv"));
        input = contents(work.resolve("input"));
    }

    @Test
    void shouldFailWithExitFourAndSayTheDatabaseIsCorruptWhenTheLedgerFileIsGarbage() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(1).nextBytes(garbage);
        Files.write(Files.createDirectories(work.resolve("data")).resolve("ledger.mv.db"), garbage);

        BriefingProcess run = BriefingProcess.start(work, "--period=2025-W18");

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(4);
        assertOneLineReason(run.output(), DATABASE_FAULT);
        assertThat(run.output()).contains("File corrupted");
        assertUntouched();
    }

    @Test
    void shouldFailWithExitFourAndSayTheDatabaseIsCorruptWhenTheLedgerFileIsCutShort() throws Exception {
        assertThat(run("--period=2025-W17")).isEqualTo(0);
        Path ledger = work.resolve("data/ledger.mv.db");
        // cut inside the store's header: H2 recovers a file cut after it from an older chunk, silently
        byte[] whole = Files.readAllBytes(ledger);
        Files.write(ledger, java.util.Arrays.copyOf(whole, 100));

        BriefingProcess run = BriefingProcess.start(work, "--period=2025-W18");

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(4);
        assertOneLineReason(run.output(), DATABASE_FAULT);
        assertUntouched();
    }

    @Test
    void shouldFailWithExitFourAndSayTheDatabaseIsReadOnlyWhenItsFileCannotBeWritten() throws Exception {
        assertThat(run("--period=2025-W17")).isEqualTo(0);
        Path ledger = work.resolve("data/ledger.mv.db");
        // the tests run as root, for whom file modes do not stop a write; the immutable flag does
        assumeTrue(command("chattr", "+i", ledger.toString()) == 0, "this file system has no immutable flag");
        try {
            BriefingProcess run = BriefingProcess.start(work, "--period=2025-W18");

            assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(4);
            assertOneLineReason(run.output(), DATABASE_FAULT);
            assertThat(run.output()).contains("read only");
        } finally {
            command("chattr", "-i", ledger.toString());
        }
        assertUntouched();
        assertThat(work.resolve("reports/weekly/2025-W18")).doesNotExist();
    }

    @Test
    void shouldFailWithExitFourAndSayTheDatabaseIsInUseWhileAnotherProgramHoldsItThenRunOnceItIsClosed() throws Exception {
        assertThat(run("--period=2025-W17")).isEqualTo(0);

        try (Connection other = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "")) {
            BriefingProcess run = BriefingProcess.start(work, "--period=2025-W18");

            assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(4);
            assertOneLineReason(run.output(), DATABASE_FAULT);
            assertThat(run.output()).contains("already in use");
            assertThat(other.isValid(1)).isTrue();
        }
        assertUntouched();
        assertThat(work.resolve("reports/weekly/2025-W18")).doesNotExist();

        assertThat(run("--period=2025-W18")).isEqualTo(0);
        assertThat(work.resolve("reports/weekly/2025-W18/manifest.json")).exists();
    }

    private int run(String... args) throws Exception {
        BriefingProcess process = BriefingProcess.start(work, args);
        int code = process.exitCode(TIMEOUT);
        assertThat(code).as(process.output()).isNotNegative();
        return code;
    }

    private void assertUntouched() throws IOException {
        assertThat(contents(work.resolve("input"))).as("the input folder").isEqualTo(input);
    }

    /** Every file of a folder tree and the SHA-256 of its bytes. */
    static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                contents.put(folder.relativize(path).toString(), Files.isRegularFile(path) ? sha256(Files.readAllBytes(path)) : "folder");
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
