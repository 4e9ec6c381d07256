package briefing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The briefing command as a separate JVM, on the test class path, with its output captured. */
public final class BriefingProcess {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread pump;

    private BriefingProcess(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    public static BriefingProcess start(Path workingFolder, String... args) throws IOException {
        return start(workingFolder, Map.of(), args);
    }

    public static BriefingProcess start(Path workingFolder, Map<String, String> env, String... args) throws IOException {
        return start(workingFolder, List.of(), List.of(), env, args);
    }

    /** Starts the command with JVM options, e.g. {@code -Xmx128m} or {@code -Dspring.main.sources=...}. */
    public static BriefingProcess start(Path workingFolder, List<String> jvmOptions, String... args) throws IOException {
        return start(workingFolder, List.of(), jvmOptions, Map.of(), args);
    }

    /** Starts the command through {@code wrapper}, e.g. a shell that waits for a signal and then runs the JVM. */
    public static BriefingProcess start(Path workingFolder, List<String> wrapper, List<String> jvmOptions, String... args)
            throws IOException {
        return start(workingFolder, wrapper, jvmOptions, Map.of(), args);
    }

    private static BriefingProcess start(Path workingFolder, List<String> wrapper, List<String> jvmOptions,
                                         Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "briefing.BriefingApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true);
        builder.environment().put("BRIEFING_HOME", workingFolder.toString());
        builder.environment().putAll(env);
        return new BriefingProcess(builder.start());
    }

    /** Waits until a line containing the text is printed; false if the process ended or time ran out first. */
    public boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        return awaitLines(text, 1, timeout);
    }

    /** Waits until {@code count} lines containing the text are printed; false if the process ended or time ran out first. */
    public boolean awaitLines(String text, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (output.stream().filter(l -> l.contains(text)).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !pump.isAlive())) {
                    return false;
                }
                output.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
            return true;
        }
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("briefing did not end within " + timeout + ":\n" + output());
        }
        pump.join(5000);
        return process.exitValue();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }
}
