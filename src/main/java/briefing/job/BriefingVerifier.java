package briefing.job;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import briefing.report.manifest.Manifest;
import briefing.report.manifest.ManifestJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Re-creates a published briefing from its manifest (period, cutoff, job instance) into a temporary
 * folder and compares every file byte for byte: what {@code --verify=FOLDER} does for auditors.
 */
@Component
public class BriefingVerifier {

    private static final Pattern INSTANCE_ID = Pattern.compile("\"instanceId\": (\\d+)");
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\": (\\d+)");

    private final JobRepository jobRepository;
    private final BriefingAssembler assembler;
    private final ManifestFactory manifests;
    private final List<ReportWriter> writers;

    public BriefingVerifier(JobRepository jobRepository, BriefingAssembler assembler, ManifestFactory manifests,
                            List<ReportWriter> reportWriters) {
        this.jobRepository = jobRepository;
        this.assembler = assembler;
        this.manifests = manifests;
        this.writers = reportWriters;
    }

    /** The names of the files that differ from their re-creation (or are missing); empty when all match. */
    public List<String> verify(Path folder) throws IOException {
        Path manifestFile = folder.resolve(OutputFolder.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(folder + " holds no " + OutputFolder.MANIFEST + ": it is not a published briefing.");
        }
        String manifestText = Files.readString(manifestFile, StandardCharsets.UTF_8);
        long instanceId = number(INSTANCE_ID, manifestText);
        long executionId = number(EXECUTION_ID, manifestText);
        JobInstance instance = jobRepository.getJobInstance(instanceId);
        JobExecution original = instance == null ? null : jobRepository.getJobExecution(executionId);
        if (original == null) {
            throw new IOException("The job repository does not know run " + instanceId + "/" + executionId
                    + " of " + manifestFile + ": verify it against the database it was made with (--data).");
        }
        RunParameters run = RunParameters.from(original.getJobParameters());
        Path scratch = Files.createTempDirectory("briefing-verify-");
        try {
            Briefing briefing = assembler.assemble(run.period(), run.cutoff(), instanceId);
            for (ReportWriter writer : writers) {
                try (OutputStream out = Files.newOutputStream(scratch.resolve(writer.fileName()))) {
                    writer.write(briefing, out);
                }
            }
            Manifest manifest = manifests.create(run, instance, executionId, briefing.figures().changes().size(), scratch);
            Files.writeString(scratch.resolve(OutputFolder.MANIFEST), ManifestJson.of(manifest), StandardCharsets.UTF_8);
            List<String> differing = new ArrayList<>();
            for (String name : fileNames()) {
                Path published = folder.resolve(name);
                if (!Files.isRegularFile(published)
                        || !Arrays.equals(Files.readAllBytes(published), Files.readAllBytes(scratch.resolve(name)))) {
                    differing.add(name);
                }
            }
            return differing;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private List<String> fileNames() {
        List<String> names = new ArrayList<>(writers.stream().map(ReportWriter::fileName).toList());
        names.add(OutputFolder.MANIFEST);
        return names;
    }

    private static long number(Pattern pattern, String text) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IOException("The manifest has no " + pattern.pattern().split("\"")[1] + ".");
        }
        return Long.parseLong(m.group(1));
    }
}
