package briefing.job;

import briefing.report.Briefing;
import briefing.report.LibraryWarmUp;
import briefing.report.ReportWriter;
import briefing.report.SampleBriefings;
import briefing.report.csv.ChangesCsvWriter;
import briefing.report.csv.RejectedCsvWriter;
import briefing.report.excel.ExcelBriefingWriter;
import briefing.report.pdf.PdfBriefingWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times each report writer on a briefing that a run stored under {@code <data>/work/briefing-<id>.bin},
 * without running the job again: {@code RenderTimer FILE.bin|sample:LABEL OUT_DIR [ROUNDS] [pdf|xlsx|csv|warm|pool...]}.
 * The first round includes the libraries' start-up, the later ones show the steady cost. {@code warm} runs
 * the libraries' warm-up first, as the application does while Spring starts; {@code pool} writes the files
 * two at a time as the render step does, and times the whole. A tool for measuring, not part of the
 * build's tests.
 */
public final class RenderTimer {

    private RenderTimer() {
    }

    public static void main(String[] args) throws Exception {
        Path stored = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        boolean pool = options.contains("pool");
        List<String> only = options.stream().filter(o -> !o.equals("pool") && !o.equals("warm")).toList();
        if (options.contains("warm")) {
            long warm = System.nanoTime();
            Method warmUp = LibraryWarmUp.class.getDeclaredMethod("warmUp");
            warmUp.setAccessible(true);
            warmUp.invoke(null);
            System.out.printf("warm-up %d ms%n", (System.nanoTime() - warm) / 1_000_000);
        }
        long start = System.nanoTime();
        Briefing briefing = args[0].startsWith("sample:") ? SampleBriefings.of(args[0].substring(7)) : load(stored);
        System.out.printf("load %d ms: %d changes, %d new claims, %d records behind, %d rejections%n",
                (System.nanoTime() - start) / 1_000_000, briefing.figures().changes().size(),
                briefing.figures().newClaims().size(), briefing.figures().recordsBehind().size(),
                briefing.rejections().size());
        Files.createDirectories(out);
        List<ReportWriter> writers = List.of(new ChangesCsvWriter(), new RejectedCsvWriter(), new ExcelBriefingWriter(),
                new PdfBriefingWriter());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            if (pool) {
                pooled(round, writers, briefing, out);
                continue;
            }
            for (ReportWriter writer : writers) {
                String name = writer.fileName();
                if (!only.isEmpty() && only.stream().noneMatch(name::endsWith)) {
                    continue;
                }
                long begin = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                long processCpu = processCpu();
                long gc = gcMillis();
                write(writer, briefing, out.resolve(name));
                System.out.printf("round %d %-14s %6d ms (thread cpu %6d ms, process cpu %6d ms, gc %5d ms) %,12d bytes%n",
                        round, name, (System.nanoTime() - begin) / 1_000_000,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (processCpu() - processCpu) / 1_000_000,
                        gcMillis() - gc, Files.size(out.resolve(name)));
            }
        }
    }

    /** As the render step: two writers at a time, in the order of the job's list. */
    private static void pooled(int round, List<ReportWriter> writers, Briefing briefing, Path out) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long cpu = processCpu();
        long gc = gcMillis();
        long begin = System.nanoTime();
        List<Future<?>> files = new ArrayList<>();
        for (ReportWriter writer : writers) {
            files.add(pool.submit(() -> {
                long start = System.nanoTime();
                write(writer, briefing, out.resolve(writer.fileName()));
                System.out.printf("round %d   %-14s %6d ms from %5d ms%n", round, writer.fileName(),
                        (System.nanoTime() - start) / 1_000_000, (start - begin) / 1_000_000);
                return null;
            }));
        }
        for (Future<?> file : files) {
            file.get();
        }
        System.out.printf("round %d all files    %6d ms (process cpu %6d ms, gc %5d ms)%n", round,
                (System.nanoTime() - begin) / 1_000_000, (processCpu() - cpu) / 1_000_000, gcMillis() - gc);
        pool.shutdown();
    }

    private static Briefing load(Path stored) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(stored), 1 << 16))) {
            return BriefingCodec.read(in);
        }
    }

    /** CPU time of the whole process (all threads, the garbage collector's included), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void write(ReportWriter writer, Briefing briefing, Path file) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writer.write(briefing, stream);
        }
    }
}
