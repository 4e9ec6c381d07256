package briefing.cli;

import briefing.period.Granularity;
import briefing.period.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code scripts/briefing}, parsed before anything starts. Folders not given
 * fall back to the environment ({@code BRIEFING_INPUT}, {@code BRIEFING_REPORTS}, {@code BRIEFING_DATA}),
 * then to {@code input/}, {@code reports/} and {@code data/} under {@code BRIEFING_HOME} (set by the
 * launcher to the project folder) or the current folder.
 */
public record CommandLine(boolean help, boolean history, Optional<Path> verify, Optional<Period> period, Optional<Instant> asOf, Path input, Path reports, Path data) {

    public static final String USAGE = """
            Usage: scripts/briefing [--period=LABEL] [--as-of=TIMESTAMP] [--input=DIR] [--reports=DIR] [--data=DIR]

            Writes the briefing of one period: changes.csv, rejected.csv, briefing.xlsx, briefing.pdf and
            manifest.json in REPORTS/<weekly|monthly|quarterly>/<LABEL>/.

              --period=LABEL      2025-W18 (ISO week), 2025-04 (month) or 2025-Q2 (quarter).
                                  Default: the last period of the default granularity (briefing.default-granularity,
                                  weekly) that ended before today (UTC). A period that has not ended is
                                  refused unless --as-of is given (a preview, written apart).
              --as-of=TIMESTAMP   knowledge cutoff: only records ingested at or before it count. ISO date
                                  (its first instant, UTC) or date-time (UTC unless an offset is given).
                                  Writes under .../<LABEL>/as-of-<cutoff>/ so a sent briefing is never overwritten.
                                  Default: the moment the run starts.
              --input=DIR         folder of *.csv claim files (default: input/, or $BRIEFING_INPUT)
              --reports=DIR       where reports are written (default: reports/, or $BRIEFING_REPORTS)
              --data=DIR          embedded database, logs and lock (default: data/, or $BRIEFING_DATA)
              --verify=FOLDER     re-create a published briefing from its manifest and compare every file;
                                  exit 0 when all match, 6 and the differing files otherwise
              --history           list the recent runs recorded in the job repository, newest first
              --help              this text
            --verify and --history read the database of --data (or BRIEFING_DB_URL); they take no --period or --as-of.

            Environment:
              BRIEFING_INPUT, BRIEFING_REPORTS, BRIEFING_DATA   the folders' defaults (relative ones are taken from
                                  the current folder, like the options')
              BRIEFING_DEFAULT_GRANULARITY   weekly (default), monthly or quarterly: the period run without --period
              BRIEFING_DB_URL, BRIEFING_DB_USER, BRIEFING_DB_PASSWORD   a PostgreSQL database for the ledger and
                                  the job repository, shared by several machines (default: H2 in the data folder)
              BRIEFING_JAVA_OPTS  JVM options, after the launcher's own (e.g. -Xmx512m)

            Exit codes:
            """;

    public static String usage() {
        StringBuilder text = new StringBuilder(USAGE);
        for (ExitCode code : ExitCode.values()) {
            text.append(String.format(Locale.ROOT, "  %d  %s%n", code.code(), code.meaning()));
        }
        return text.toString();
    }

    /** Parses the arguments; throws {@link UsageException} with a one-line message on a bad one. */
    public static CommandLine parse(String[] args, Map<String, String> env) {
        boolean help = false;
        boolean history = false;
        Path verify = null;
        Period period = null;
        Instant asOf = null;
        String databaseUrl = env.get("BRIEFING_DB_URL");
        if (databaseUrl != null && databaseUrl.isBlank()) {
            // Spring would take the empty URL for "no URL" and run on a throwaway in-memory database
            throw new UsageException("BRIEFING_DB_URL is set but empty: unset it to keep the ledger in the H2 database under"
                    + " the data folder, or set it to the JDBC URL of a PostgreSQL database (see the README).");
        }
        Path home = Path.of(env.getOrDefault("BRIEFING_HOME", "."));
        Path input = folder(env, "BRIEFING_INPUT", home.resolve("input"));
        Path reports = folder(env, "BRIEFING_REPORTS", home.resolve("reports"));
        Path data = folder(env, "BRIEFING_DATA", home.resolve("data"));
        Set<String> given = new LinkedHashSet<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            given.add(name);
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--history" -> history = true;
                case "--verify" -> verify = Path.of(required(name, value)).toAbsolutePath().normalize();
                case "--period" -> period = parsePeriod(required(name, value));
                case "--as-of" -> asOf = parseInstant(required(name, value));
                case "--input" -> input = Path.of(required(name, value));
                case "--reports" -> reports = Path.of(required(name, value));
                case "--data" -> data = Path.of(required(name, value));
                default -> throw new UsageException("Unknown option '" + arg
                        + "'; accepted: --period, --as-of, --input, --reports, --data, --verify, --history, --help.");
            }
        }
        String granularity = env.get("BRIEFING_DEFAULT_GRANULARITY");
        if (granularity != null && !help) {
            try {
                Granularity.fromName(granularity);
            } catch (IllegalArgumentException e) {
                throw new UsageException("BRIEFING_DEFAULT_GRANULARITY: " + e.getMessage());
            }
        }
        CommandLine cli = new CommandLine(help, history, Optional.ofNullable(verify), Optional.ofNullable(period),
                Optional.ofNullable(asOf), input.toAbsolutePath().normalize(), reports.toAbsolutePath().normalize(),
                data.toAbsolutePath().normalize());
        if (!help) {
            cli.check(given, env);
        }
        return cli;
    }

    /** What can be told wrong before anything starts: options that do not go together, folders that cannot serve. */
    private void check(Set<String> given, Map<String, String> env) {
        // in the order Spring takes them
        String url = firstNonBlank(System.getProperty("spring.datasource.url"), env.get("SPRING_DATASOURCE_URL"),
                env.get("BRIEFING_DB_URL"));
        if (url != null && url.contains(":h2:mem:")) {
            throw new UsageException("The database is an in-memory one (" + url + "): its ledger and job repository end"
                    + " with the run, so its briefing could never be verified; use a file database or PostgreSQL.");
        }
        if (history || verify.isPresent()) {
            String mode = history ? "--history" : "--verify";
            if (history && verify.isPresent()) {
                throw new UsageException("--history and --verify are separate commands; give one of them.");
            }
            // --input and --reports are let be (a wrapper may always give them); a period or cutoff would be a misreading
            for (String option : List.of("--period", "--as-of")) {
                if (given.contains(option)) {
                    throw new UsageException(mode + " takes its periods and cutoffs from the job repository of --data; "
                            + option + " has no meaning with it.");
                }
            }
            verify.ifPresent(CommandLine::checkVerifyFolder);
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (period.isPresent() && asOf.isEmpty() && !period.get().end().isBefore(today)) {
            LocalDate end = period.get().end();
            if (period.get().start().isAfter(today)) {
                throw new UsageException(period.get().label() + " begins on " + period.get().start()
                        + ": nothing can have been reported in it yet.");
            }
            throw new UsageException(period.get().label() + " has not ended (its last day is " + end + ", UTC): its briefing"
                    + " would miss what is reported on its last days, and later runs would find it reported. Run it from "
                    + end.plusDays(1) + ", or preview it with --as-of=" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    + ", written apart from the briefing that is sent.");
        }
        checkFolderOrMakeable("--reports", reports);
        checkFolderOrMakeable("--data", data);
    }

    private static void checkVerifyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--verify: " + folder + " is not a folder; give the folder of a published briefing"
                    + " (the one that holds its manifest.json).");
        }
        if (!Files.isRegularFile(folder.resolve("manifest.json"))) {
            throw new UsageException("--verify: " + folder + " holds no manifest.json; give the folder of a published"
                    + " briefing, e.g. reports/weekly/2025-W18.");
        }
    }

    /** A folder that is there, or can be made: it, or the nearest of its parents that exists, is a folder. */
    private static void checkFolderOrMakeable(String option, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UsageException(option + ": " + folder + (existing.equals(folder) ? " is not a folder."
                    : " cannot be made: " + existing + " is not a folder."));
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Path folder(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException("Option " + name + " needs a value, as in " + name + "=VALUE.");
        }
        return value.trim();
    }

    private static Period parsePeriod(String label) {
        try {
            return Period.parse(label);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** An ISO date (its first instant, UTC) or date-time (UTC unless it carries an offset). */
    static Instant parseInstant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new UsageException("Invalid --as-of '" + text
                    + "': expected an ISO date (2025-05-05) or date-time (2025-05-05T06:00:00Z, 2025-05-05T08:00+02:00).");
        }
    }

    /** A command line that cannot run; its message is one line saying what is accepted. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
