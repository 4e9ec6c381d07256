package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCheckCacheTests {

    @TempDir
    Path folder;

    @Test
    void shouldGiveBackTheCheckOfAFileThatDidNotChangeAlsoFromTheSavedCache() throws IOException {
        Path input = write("a.csv", "record_id\nr1\n");
        InputCheckCache cache = new InputCheckCache(folder.resolve("work/input-checks.tsv"), Duration.ZERO);
        InputCheckCache.Stat stat = InputCheckCache.stat(input).orElseThrow();
        Utf8Check.Result result = Utf8Check.check(input);

        cache.remember(stat, result, Instant.now().plusSeconds(1));
        cache.save();

        assertThat(cache.find(InputCheckCache.stat(input).orElseThrow())).contains(result);
        assertThat(InputCheckCache.in(folder).find(stat)).contains(result);
    }

    @Test
    void shouldNotGiveBackTheCheckOfAFileRewrittenWithTheSameSizeAndModificationTime() throws Exception {
        Path input = write("a.csv", "record_id\nr1\n");
        FileTime modified = Files.getLastModifiedTime(input);
        InputCheckCache cache = new InputCheckCache(folder.resolve("checks.tsv"), Duration.ZERO);
        InputCheckCache.Stat before = InputCheckCache.stat(input).orElseThrow();
        cache.remember(before, Utf8Check.check(input), Instant.now().plusSeconds(1));

        Thread.sleep(20);
        Files.writeString(input, "record_id\nr2\n");
        Files.setLastModifiedTime(input, modified);

        InputCheckCache.Stat after = InputCheckCache.stat(input).orElseThrow();
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.modifiedNanos()).isEqualTo(before.modifiedNanos());
        assertThat(cache.find(after)).isEmpty();
    }

    @Test
    void shouldKnowAFileUnderAnotherNameByItsInodeAndForgetFilesThatAreGone() throws IOException {
        Path input = write("a.csv", "record_id\nr1\n");
        Path link = Files.createLink(folder.resolve("b.csv"), input);
        InputCheckCache cache = new InputCheckCache(folder.resolve("work/input-checks.tsv"), Duration.ZERO);
        Utf8Check.Result result = Utf8Check.check(input);
        cache.remember(InputCheckCache.stat(input).orElseThrow(), result, Instant.now().plusSeconds(1));

        assertThat(cache.find(InputCheckCache.stat(link).orElseThrow())).contains(result);

        Path other = write("c.csv", "record_id\nr2\n");
        cache.remember(InputCheckCache.stat(other).orElseThrow(), Utf8Check.check(other), Instant.now().plusSeconds(1));
        Files.delete(other);
        cache.save();
        assertThat(Files.readAllLines(folder.resolve("work/input-checks.tsv"))).hasSize(1);
    }

    @Test
    void shouldNotRememberAFileThatChangedShortlyBeforeItWasChecked() throws IOException {
        Path input = write("a.csv", "record_id\nr1\n");
        InputCheckCache cache = new InputCheckCache(folder.resolve("checks.tsv"), InputCheckCache.RACY);
        InputCheckCache.Stat stat = InputCheckCache.stat(input).orElseThrow();

        cache.remember(stat, Utf8Check.check(input), Instant.now());

        assertThat(cache.find(stat)).isEmpty();
    }

    @Test
    void shouldForgetAndNotFailOnANameThatIsNotAPath() throws IOException {
        Path input = write("a.csv", "record_id\nr1\n");
        InputCheckCache.Stat stat = InputCheckCache.stat(input).orElseThrow();
        Files.createDirectories(folder.resolve("work"));
        // as a JVM whose locale cannot encode a name may keep it; a NUL is what no path may hold under UTF-8 either
        Files.writeString(folder.resolve("work/input-checks.tsv"), String.join("\t", stat.path() + "\u0000", "other-key",
                Long.toString(stat.size()), "0", "0", "ab", "-") + "\n");
        InputCheckCache cache = InputCheckCache.in(folder);
        cache.remember(stat, Utf8Check.check(input), Instant.now().plus(InputCheckCache.RACY).plusSeconds(1));

        cache.save();

        assertThat(Files.readAllLines(folder.resolve("work/input-checks.tsv"))).singleElement().asString().startsWith(stat.path() + "\t");
    }

    @Test
    void shouldTreatADamagedCacheAsNone() throws IOException {
        Path input = write("a.csv", "record_id\nr1\n");
        InputCheckCache.Stat stat = InputCheckCache.stat(input).orElseThrow();
        Files.createDirectories(folder.resolve("work"));
        Files.writeString(folder.resolve("work/input-checks.tsv"), String.join("\t", stat.path(), stat.fileKey(),
                Long.toString(stat.size()), "not a number", "0", "ab", "-") + "\n");

        assertThat(InputCheckCache.in(folder).find(stat)).isEqualTo(Optional.empty());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
