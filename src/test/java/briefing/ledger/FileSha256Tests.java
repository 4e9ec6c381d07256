package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSha256Tests {

    @TempDir
    Path folder;

    @Test
    void shouldGiveJavasDigestWhenOpensslTakesIt() throws IOException {
        assumeTrue(new FileSha256(List.of("openssl", "dgst", "-sha256", "-r")).start(folder).started(),
                "openssl is not on the PATH");
        byte[] large = new byte[3_000_001];
        new Random(7).nextBytes(large);
        for (byte[] content : List.of(new byte[0], "reported_on,value\n2025-04-30,600\n".getBytes(StandardCharsets.UTF_8),
                "북한군 사망자 600명\n".getBytes(StandardCharsets.UTF_8), large)) {
            Path file = Files.write(folder.resolve("file with spaces " + content.length + ".csv"), content);

            FileSha256.Pending outside = FileSha256.get().start(file);

            assertThat(outside.started()).isTrue();
            assertThat(outside.result()).contains(javaDigest(content));
            assertThat(FileSha256.get().of(file)).isEqualTo(javaDigest(content));
        }
    }

    @Test
    void shouldHashInJavaWhenTheToolIsMissing() throws IOException {
        FileSha256 missing = new FileSha256(List.of("/nonexistent/briefing-no-such-tool"));
        Path file = Files.writeString(folder.resolve("claims.csv"), "600 killed\n");

        assertThat(missing.start(file).started()).isFalse();
        assertThat(missing.of(file)).isEqualTo(javaDigest("600 killed\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Utf8Check.check(file, missing).sha256()).isEqualTo(javaDigest("600 killed\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldHashInJavaWhenTheToolFailsOrPrintsNoDigest() throws IOException {
        Path file = Files.writeString(folder.resolve("claims.csv"), "4,700 casualties\n");
        String expected = javaDigest("4,700 casualties\n".getBytes(StandardCharsets.UTF_8));
        for (List<String> command : List.of(List.of("false"), List.of("echo", "not a digest"),
                List.of("sh", "-c", "echo 0000000000000000000000000000000000000000000000000000000000000000; exit 1", "sh"))) {
            FileSha256 broken = new FileSha256(command);

            assertThat(broken.start(file).result()).as("%s", command).isEmpty();
            assertThat(broken.of(file)).as("%s", command).isEqualTo(expected);
            assertThat(Utf8Check.check(file, broken).sha256()).as("%s", command).isEqualTo(expected);
        }
    }

    private static String javaDigest(byte[] content) {
        return HexFormat.of().formatHex(Sha256.digest().digest(content));
    }
}
