package briefing.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ledger of dated claims as input CSV files, the same bytes for the same size and
 * seed, for {@code scripts/bench}: several subjects, ten sources, every metric, ranges, qualifiers,
 * increments with {@code window_start}, killed and wounded given together (so casualties are
 * derived), corrections of earlier records of the same series, re-sent rows, and about half a percent
 * of bad rows of every kind the contract rejects.
 *
 * <p>{@code OUT/ledger/claims-YYYY-MM.csv} hold {@code --records} rows reported over the 156 weeks
 * that end with 2025-W40 (one file per month); {@code OUT/next-week/claims-2025-W41.csv} holds 1% more,
 * reported in 2025-W41, which go on from the same series (new figures, late claims, corrections of the
 * ledger's records, re-sent rows, bad rows).
 *
 * <p>{@code --one-group} puts every claim under one subject and one source: the worst case for the
 * computation, which holds one subject-and-source group in memory at a time.
 *
 * <p>Plain JDK, no dependency, so it runs without a build:
 * {@code java src/test/java/briefing/bench/LedgerGenerator.java --records=100000 --out=DIR [--seed=1] [--one-group]}.
 */
public final class LedgerGenerator {

    /** The last day of the ledger (Sunday of 2025-W40); the next week is 2025-W41. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 5);
    public static final String PERIOD = "2025-W40";
    public static final String NEXT_PERIOD = "2025-W41";
    static final int WEEKS = 156;

    static final String HEADER = "record_id,reported_on,source,conduit,subject,metric,value_low,value_high,qualifier,"
            + "basis,as_of,window_start,citation,supersedes,note";

    static final String[] SUBJECTS = {"DPRK forces in Russia", "DPRK labourers in Russia", "Wagner Group in Africa",
            "Iranian advisers in Syria", "Belarusian units at the border", "Отряд «Север» (Курская область)"};
    static final String[] SOURCES = {"NIS (South Korea)", "South Korean military", "Ukrainian military intelligence (HUR)",
            "US Department of Defense", "Pyongyang (KCNA)", "Russian Ministry of Defence", "Institute for the Study of War",
            "UK Ministry of Defence", "국가정보원 (국회 정보위원회)", "Open-source investigators"};
    /** Sources that report repatriations as increments; the others as totals. */
    static final boolean[] REPATRIATED_AS_INCREMENT = {false, false, false, true, false, false, false, true, false, false};
    static final String[] CONDUITS = {"Lee Seong Kweun (MP), closed-door briefing", "press conference", "Telegram channel",
            "daily assessment", "interview with Reuters", "parliamentary intelligence committee"};
    static final String[] QUALIFIERS = {"", "", "", "", "about", "about", "nearly", "at_least", "more than", "up_to", "EXACT"};

    private final SplittableRandom random;
    private final boolean oneGroup;
    private final Map<String, Series> series = new HashMap<>();
    /** Recently written good rows, for re-sending and for id conflicts. */
    private final List<Row> recent = new ArrayList<>();
    private long serial;
    private Writer out;
    private int written;

    LedgerGenerator(long seed) {
        this(seed, false);
    }

    LedgerGenerator(long seed, boolean oneGroup) {
        this.random = new SplittableRandom(seed);
        this.oneGroup = oneGroup;
    }

    public static void main(String[] args) throws IOException {
        long records = 0;
        long seed = 1;
        Path folder = null;
        boolean oneGroup = false;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--records=")) {
                records = Long.parseLong(value.replace("_", ""));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (arg.startsWith("--out=")) {
                folder = Path.of(value);
            } else if (arg.equals("--one-group")) {
                oneGroup = true;
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + "; use --records=N --out=DIR [--seed=S] [--one-group]");
            }
        }
        if (records <= 0 || folder == null) {
            throw new IllegalArgumentException("Usage: LedgerGenerator --records=N --out=DIR [--seed=S]");
        }
        new LedgerGenerator(seed, oneGroup).write(records, folder);
    }

    /** Writes the ledger and the next week's records; returns the rows written to each. */
    public long[] write(long records, Path folder) throws IOException {
        Path ledger = Files.createDirectories(folder.resolve("ledger"));
        Path next = Files.createDirectories(folder.resolve("next-week"));
        LocalDate first = LAST_DAY.minusDays(WEEKS * 7L - 1);
        long days = WEEKS * 7L;
        long total = 0;
        LocalDate day = first;
        for (long d = 0; d < days; d++, day = day.plusDays(1)) {
            if (out == null || day.getDayOfMonth() == 1) {
                close();
                open(ledger.resolve(String.format("claims-%d-%02d.csv", day.getYear(), day.getMonthValue())));
            }
            // spread the rows evenly over the days, the remainder on the last ones
            long quota = records * (d + 1) / days - records * d / days;
            total += emitDay(day, quota, first);
        }
        close();
        long more = Math.max(1, records / 100);
        open(next.resolve("claims-" + NEXT_PERIOD + ".csv"));
        long update = 0;
        day = LAST_DAY.plusDays(1);
        for (int d = 0; d < 7; d++, day = day.plusDays(1)) {
            update += emitDay(day, more * (d + 1) / 7 - more * d / 7, first);
        }
        close();
        return new long[] {total, update};
    }

    private void open(Path file) throws IOException {
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        out.write(HEADER);
        out.write('\n');
    }

    private void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Writes exactly {@code quota} rows reported on {@code day}. */
    private long emitDay(LocalDate day, long quota, LocalDate first) throws IOException {
        written = 0;
        while (written < quota) {
            long left = quota - written;
            int subject = oneGroup ? 0 : weighted(SUBJECTS.length);
            int source = oneGroup ? 0 : weighted(SOURCES.length);
            double roll = random.nextDouble();
            if (roll < 0.01) {
                bad(day, subject, source);
            } else if (roll < 0.013 && !recent.isEmpty()) {
                resend();
            } else if (roll < 0.04) {
                correction(day, subject, source);
            } else if (roll < 0.34 && left >= 2) {
                casualtyParts(day, subject, source, left);
            } else if (roll < 0.42) {
                cumulative(day, subject, source, "casualties", asOf(day, first));
            } else if (roll < 0.60) {
                cumulative(day, subject, source, "deployed", asOf(day, first));
            } else if (roll < 0.64) {
                increment(day, subject, source, "reinforcements", first);
            } else if (roll < 0.72) {
                cumulative(day, subject, source, "killed", asOf(day, first));
            } else if (roll < 0.80) {
                cumulative(day, subject, source, "wounded", asOf(day, first));
            } else if (roll < 0.85) {
                cumulative(day, subject, source, "captured", asOf(day, first));
            } else if (roll < 0.89) {
                cumulative(day, subject, source, "missing", asOf(day, first));
            } else if (roll < 0.95) {
                if (REPATRIATED_AS_INCREMENT[source]) {
                    increment(day, subject, source, "repatriated", first);
                } else {
                    cumulative(day, subject, source, "repatriated", asOf(day, first));
                }
            } else {
                cumulative(day, subject, source, "labourers", asOf(day, first));
            }
        }
        return written;
    }

    /** Killed and wounded as of one day, sometimes with captured and missing: casualties are derived from them. */
    private void casualtyParts(LocalDate day, int subject, int source, long left) throws IOException {
        LocalDate asOf = random.nextInt(3) == 0 ? day : day.minusDays(random.nextInt(1, 10));
        cumulative(day, subject, source, "killed", asOf);
        cumulative(day, subject, source, "wounded", asOf);
        if (left >= 3 && random.nextInt(4) == 0) {
            cumulative(day, subject, source, "captured", asOf);
        }
        if (left >= 4 && random.nextInt(6) == 0) {
            cumulative(day, subject, source, "missing", asOf);
        }
    }

    private LocalDate asOf(LocalDate day, LocalDate first) {
        int kind = random.nextInt(20);
        if (kind < 8) {
            return day;
        }
        if (kind == 19) {
            // a late claim: a figure for a day long before
            LocalDate late = day.minusDays(random.nextInt(30, 400));
            return late.isBefore(first) ? first : late;
        }
        return day.minusDays(random.nextInt(1, 15));
    }

    private void cumulative(LocalDate day, int subject, int source, String metric, LocalDate asOf) throws IOException {
        Series s = series(subject, source, metric);
        long low = s.next(random, scale(metric));
        long high = random.nextInt(3) == 0 ? low + Math.max(1, low / 10) : low;
        Row row = new Row(id(), day, source, subject, metric, low, high, qualifier(), false, asOf, null, null);
        s.remember(row);
        emit(row, true);
    }

    private void increment(LocalDate day, int subject, int source, String metric, LocalDate first) throws IOException {
        Series s = series(subject, source, metric);
        LocalDate asOf = day.minusDays(random.nextInt(0, 5));
        LocalDate windowStart = asOf.minusDays(random.nextInt(6, 60));
        long low = 50 + random.nextInt(scale(metric) / 10 + 1);
        long high = random.nextInt(2) == 0 ? low + random.nextInt(1, 500) : low;
        Row row = new Row(id(), day, source, subject, metric, low, high, qualifier(), true, asOf,
                windowStart.isBefore(first) ? first : windowStart, null);
        s.remember(row);
        emit(row, true);
    }

    /** A source restates one of its earlier figures of the same series, for the same day. */
    private void correction(LocalDate day, int subject, int source) throws IOException {
        Series s = series.get(key(subject, source, random.nextInt(4) == 0 ? "reinforcements" : pickCorrected()));
        if (s == null || s.recent.isEmpty()) {
            cumulative(day, subject, source, "deployed", day);
            return;
        }
        Row target = s.recent.get(random.nextInt(s.recent.size()));
        long low = Math.max(0, target.low + target.low * (random.nextInt(41) - 20) / 100 + 1);
        long high = target.high > target.low ? low + (target.high - target.low) : low;
        Row row = new Row(id(), day, target.source, target.subject, target.metric, low, high, target.qualifier,
                target.increment, target.asOf, target.windowStart, target.id);
        s.remember(row);
        emit(row, true);
    }

    private String pickCorrected() {
        String[] usual = {"killed", "wounded", "casualties", "deployed", "captured"};
        return usual[random.nextInt(usual.length)];
    }

    /** A row sent again, unchanged: already in the ledger. */
    private void resend() throws IOException {
        emit(recent.get(random.nextInt(recent.size())), false);
    }

    /** One row of each kind the input contract rejects, by turns. */
    private void bad(LocalDate day, int subject, int source) throws IOException {
        String id = id();
        String d = day.toString();
        String subjectText = csv(SUBJECTS[subject]);
        String sourceText = csv(SOURCES[source]);
        String line = switch (random.nextInt(10)) {
            case 0 -> id + "," + d + "," + sourceText + ",," + subjectText + ",killed,4.7k,,,,,,,,";
            case 1 -> id + "," + d + "," + sourceText + ",," + subjectText + ",fatalities,300,,,,,,,,";
            case 2 -> id + "," + d + "," + sourceText + ",," + subjectText + ",killed,300,,,," + day.plusDays(3) + ",,,,";
            case 3 -> id + "," + d + "," + sourceText + ",," + subjectText + ",reinforcements,1000,,,increment,,,,,";
            case 4 -> recent.isEmpty() ? id + ",,,,,,,,,,,,,,"
                    : conflict(recent.get(random.nextInt(recent.size())));
            case 5 -> id + "," + d + "," + sourceText + ",," + subjectText + ",killed,300,,,,,,,x" + id + ",";
            case 6 -> id + "," + d + "," + sourceText + ",," + subjectText + ",killed,300";
            case 7 -> id + "," + d + "," + sourceText + ",," + subjectText + ",wounded,-300,,,,,,,,";
            case 8 -> id + ",2025-02-30," + sourceText + ",," + subjectText + ",killed,300,,,,,,,,";
            // a cumulative figure in an increment series (only once the series exists, else it would set the basis)
            default -> series.containsKey(key(subject, source, "reinforcements"))
                    ? id + "," + d + "," + sourceText + ",," + subjectText + ",reinforcements,700,,,cumulative,,,,,"
                    : id + "," + d + "," + sourceText + ",," + subjectText + ",killed,,,,,,,,,";
        };
        out.write(line);
        out.write('\n');
        written++;
    }

    /** The id of an earlier row with other content. */
    private static String conflict(Row earlier) {
        return earlier.id + "," + earlier.reportedOn + "," + csv(SOURCES[earlier.source]) + ",," + csv(SUBJECTS[earlier.subject])
                + "," + earlier.metric + "," + (earlier.low + 1) + ",,,,,,,,";
    }

    private void emit(Row row, boolean remember) throws IOException {
        StringBuilder line = new StringBuilder(200);
        line.append(row.id).append(',').append(row.reportedOn).append(',').append(csv(SOURCES[row.source])).append(',');
        // a conduit on some rows
        if (row.low % 7 == 0) {
            line.append(csv(CONDUITS[(int) (row.low % CONDUITS.length)]));
        }
        line.append(',').append(csv(SUBJECTS[row.subject])).append(',').append(row.metric).append(',')
                .append(number(row.low)).append(',');
        if (row.high != row.low) {
            line.append(number(row.high));
        }
        line.append(',').append(row.qualifier).append(',');
        if (row.increment) {
            line.append("increment");
        } else if (row.low % 5 == 0) {
            line.append("cumulative");
        }
        line.append(',');
        if (!row.asOf.equals(row.reportedOn) || row.low % 3 == 0) {
            line.append(row.asOf);
        }
        line.append(',');
        if (row.windowStart != null) {
            line.append(row.windowStart);
        }
        line.append(',');
        long pick = row.low % 10;
        if (pick < 6) {
            line.append("https://example.org/claims/").append(row.id);
        } else if (pick < 8) {
            line.append(csv("Briefing of " + row.reportedOn + ", \"" + SOURCES[row.source] + "\", p. " + (1 + row.low % 40)));
        }
        line.append(',');
        if (row.supersedes != null) {
            line.append(row.supersedes);
        }
        line.append(',');
        if (row.supersedes != null) {
            line.append(csv("restates the figure of " + row.supersedes + ", as of " + row.asOf));
        } else if (row.low % 11 == 0) {
            line.append(csv("date approximate: 'in the " + (row.asOf.getDayOfMonth() < 15 ? "first" : "second")
                    + " half of the month'"));
        }
        line.append('\n');
        out.write(line.toString());
        written++;
        if (remember) {
            if (recent.size() < 2000) {
                recent.add(row);
            } else {
                recent.set(random.nextInt(recent.size()), row);
            }
        }
    }

    /** Thousands separators on some figures, as people write them. */
    private String number(long n) {
        return switch ((int) (n % 9)) {
            case 0 -> csv(String.format("%,d", n));
            case 1 -> n >= 1000 ? String.format("%,d", n).replace(',', ' ') : Long.toString(n);
            default -> Long.toString(n);
        };
    }

    private String qualifier() {
        return QUALIFIERS[random.nextInt(QUALIFIERS.length)];
    }

    private String id() {
        return "g" + (++serial);
    }

    /** Earlier subjects and sources are more frequent, as in a real ledger. */
    private int weighted(int n) {
        int a = random.nextInt(n);
        int b = random.nextInt(n);
        return random.nextInt(3) == 0 ? Math.max(a, b) : Math.min(a, b);
    }

    private static int scale(String metric) {
        return switch (metric) {
            case "deployed" -> 12_000;
            case "labourers" -> 15_000;
            case "wounded", "casualties" -> 3_000;
            case "reinforcements" -> 3_000;
            default -> 600;
        };
    }

    private Series series(int subject, int source, String metric) {
        return series.computeIfAbsent(key(subject, source, metric), k -> new Series());
    }

    private static String key(int subject, int source, String metric) {
        return subject + "/" + source + "/" + metric;
    }

    static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One good row as generated. */
    record Row(String id, LocalDate reportedOn, int source, int subject, String metric, long low, long high,
               String qualifier, boolean increment, LocalDate asOf, LocalDate windowStart, String supersedes) {
    }

    /** A series' level, which drifts upward, and its last rows (the ones a correction may restate). */
    static final class Series {
        long level = -1;
        final List<Row> recent = new ArrayList<>();

        long next(SplittableRandom random, int scale) {
            if (level < 0) {
                level = scale / 2 + random.nextInt(scale);
            } else if (random.nextInt(8) == 0) {
                level = Math.max(0, level - random.nextInt(scale / 20 + 1));
            } else {
                level += random.nextInt(scale / 50 + 1);
            }
            return level;
        }

        void remember(Row row) {
            if (recent.size() < 8) {
                recent.add(row);
            } else {
                recent.set(recent.size() - 1 - (int) (row.low % 8), row);
            }
        }
    }
}
