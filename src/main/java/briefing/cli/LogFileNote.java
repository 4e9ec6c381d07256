package briefing.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line appended to the job's log file by a run that stops before Spring has set logging up (a run
 * refused by the run lock), in the log file's own format, so that the log says what every launch did.
 * The line is appended in one write to a file opened for appending, as Logback's appender does, so it
 * does not cut into a line of the run that holds the lock. Best effort: a log that cannot be written
 * leaves the message on standard error alone.
 */
public final class LogFileNote {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private LogFileNote() {
    }

    /** The log file of a data folder, as {@code logging.file.name} in application.properties names it. */
    public static Path logFileOf(Path dataFolder) {
        return dataFolder.resolve("logs").resolve("briefing.log");
    }

    public static void warn(Path logFile, Instant at, String message) {
        String line = TIMESTAMP.format(at) + " WARN  briefing " + message + System.lineSeparator();
        try {
            Files.createDirectories(logFile.getParent());
            Files.write(logFile, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // standard error has the message already
        }
    }
}
