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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSha256Tests {

    @TempDir
    Path folder;

    @Test
    void shouldGiveJavasDigestWhenOpensslTakesIt() throws Exception {
        assumeTrue(opensslRuns(), "openssl is not on the PATH");
        byte[] random = new byte[3_000_001];
        new Random(7).nextBytes(random);
        byte[] text = "북한군 사망자 600명, 부상자 4,100명\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
        for (byte[] content : List.of(random, text)) {
            Path file = Files.write(folder.resolve("file with spaces " + content.length + ".csv"), content);

            FileSha256.Pending outside = new FileSha256(List.of("openssl", "dgst", "-sha256", "-r")).start(file);

            assertThat(outside.started()).isTrue();
            assertThat(outside.result()).contains(javaDigest(content));
            assertThat(FileSha256.opensslOrJava().of(file)).isEqualTo(javaDigest(content));
            assertThat(Utf8Check.check(file, FileSha256.opensslOrJava()).sha256()).isEqualTo(javaDigest(content));
        }
    }

    @Test
    void shouldHashSeveralFilesOfAnySizeInOneRunOfOpenssl() throws Exception {
        assumeTrue(opensslRuns(), "openssl is not on the PATH");
        List<byte[]> contents = List.of("600 killed\n".getBytes(StandardCharsets.UTF_8), new byte[0], large("4,700 casualties\n"),
                "북한군 사망자 600명\n".getBytes(StandardCharsets.UTF_8));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            files.add(Files.write(folder.resolve("report " + i + ".csv"), contents.get(i)));
        }
        FileSha256 openssl = new FileSha256(List.of("openssl", "dgst", "-sha256", "-r"));

        assertThat(openssl.ofAll(files)).containsExactlyElementsOf(contents.stream().map(FileSha256Tests::javaDigest).toList());
    }

    @Test
    void shouldTakeTheDigestsOfSeveralFilesFromOneRunOfTheToolALineAFile() throws IOException {
        Path first = Files.writeString(folder.resolve("changes.csv"), "600 killed\n");
        Path second = Files.writeString(folder.resolve("rejected.csv"), "4,700 casualties\n");
        // a tool that numbers the files it was given: what it prints is what counts, in its order
        FileSha256 numbering = new FileSha256(List.of("sh", "-c", "i=0; for f; do i=$((i+1)); printf '%064d *%s\\n' $i \"$f\"; done", "sh"));

        assertThat(numbering.ofAll(List.of(first, second))).containsExactly("0".repeat(63) + "1", "0".repeat(63) + "2");
    }

    @Test
    void shouldHashSeveralFilesInJavaWhenTheToolPrintsTooFewDigestsOrFails() throws IOException {
        Path small = Files.writeString(folder.resolve("changes.csv"), "600 killed\n");
        Path other = Files.writeString(folder.resolve("rejected.csv"), "4,700 casualties\n");
        List<String> expected = List.of(javaDigest("600 killed\n".getBytes(StandardCharsets.UTF_8)),
                javaDigest("4,700 casualties\n".getBytes(StandardCharsets.UTF_8)));
        String digest = "0".repeat(64);
        for (List<String> command : List.of(List.of("sh", "-c", "echo " + digest, "sh"), List.of("false"),
                List.of("/nonexistent/briefing-no-such-tool"))) {
            assertThat(new FileSha256(command).ofAll(List.of(small, other))).as("%s", command).isEqualTo(expected);
        }
    }

    @Test
    void shouldHashASmallFileInJava() throws IOException {
        Path file = Files.writeString(folder.resolve("claims.csv"), "600 killed\n");

        assertThat(new FileSha256(List.of("openssl", "dgst", "-sha256", "-r")).start(file).started()).isFalse();
        assertThat(FileSha256.opensslOrJava().of(file)).isEqualTo(javaDigest("600 killed\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldHashInJavaWhenTheToolIsMissing() throws IOException {
        FileSha256 missing = new FileSha256(List.of("/nonexistent/briefing-no-such-tool"));
        byte[] content = large("600 killed\n");
        Path file = Files.write(folder.resolve("claims.csv"), content);

        assertThat(missing.start(file).started()).isFalse();
        assertThat(missing.of(file)).isEqualTo(javaDigest(content));
        assertThat(Utf8Check.check(file, missing).sha256()).isEqualTo(javaDigest(content));
    }

    @Test
    void shouldHashInJavaWhenTheToolFailsOrPrintsNoDigestAndNotTryItAgain() throws IOException {
        byte[] content = large("4,700 casualties\n");
        Path file = Files.write(folder.resolve("claims.csv"), content);
        String expected = javaDigest(content);
        for (List<String> command : List.of(List.of("false"), List.of("echo", "not a digest"),
                List.of("sh", "-c", "echo 0000000000000000000000000000000000000000000000000000000000000000; exit 1", "sh"))) {
            FileSha256 broken = new FileSha256(command);

            assertThat(broken.start(file).result()).as("%s", command).isEmpty();
            assertThat(broken.start(file).started()).as("%s, tried again", command).isFalse();
            assertThat(broken.of(file)).as("%s", command).isEqualTo(expected);
            assertThat(Utf8Check.check(file, new FileSha256(command)).sha256()).as("%s", command).isEqualTo(expected);
        }
    }

    private static byte[] large(String line) {
        return line.repeat((int) (FileSha256.SMALLEST_FOR_THE_TOOL / line.length()) + 1).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean opensslRuns() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            version.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaDigest(byte[] content) {
        return HexFormat.of().formatHex(Sha256.digest().digest(content));
    }
}
