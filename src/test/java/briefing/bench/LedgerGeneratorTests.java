package briefing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.ClaimParser;
import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerGeneratorTests {

    @TempDir
    Path work;

    @Test
    void shouldWriteTheSameBytesForTheSameSeed() throws Exception {
        new LedgerGenerator(5).write(3_000, work.resolve("one"));
        new LedgerGenerator(5).write(3_000, work.resolve("two"));

        for (String folder : List.of("ledger", "next-week")) {
            List<Path> files = files(work.resolve("one").resolve(folder));
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                assertThat(Files.readAllBytes(file)).as(file.toString())
                        .isEqualTo(Files.readAllBytes(work.resolve("two").resolve(folder).resolve(file.getFileName())));
            }
        }
    }

    @Test
    void shouldWriteEveryKindOfClaimAndAFewBadRows() throws Exception {
        long[] written = new LedgerGenerator(1).write(20_000, work);

        assertThat(written).containsExactly(20_000, 200);
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        Set<String> sources = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        int rows = 0;
        int rejected = 0;
        int increments = 0;
        int corrections = 0;
        int ranges = 0;
        ClaimParser parser = new ClaimParser(LocalDate.of(2026, 1, 1));
        try (InputFiles input = InputFiles.open(work.resolve("ledger"))) {
            InputRow row;
            while ((row = input.next()) != null) {
                rows++;
                Claim claim = parser.parse(row).claim();
                if (claim == null) {
                    rejected++;
                    continue;
                }
                metrics.add(claim.metric());
                sources.add(claim.source());
                subjects.add(claim.subject());
                increments += claim.basis() == Basis.INCREMENT && claim.windowStart() != null ? 1 : 0;
                corrections += claim.supersedes() != null ? 1 : 0;
                ranges += claim.valueHigh() > claim.valueLow() ? 1 : 0;
            }
        }
        assertThat(rows).isEqualTo(20_000);
        assertThat(metrics).containsExactlyInAnyOrder(Metric.values());
        assertThat(sources).hasSize(10);
        assertThat(subjects).hasSizeGreaterThan(3);
        assertThat(rejected).isBetween(20, 200);
        assertThat(increments).isGreaterThan(500);
        assertThat(corrections).isGreaterThan(200);
        assertThat(ranges).isGreaterThan(2000);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
