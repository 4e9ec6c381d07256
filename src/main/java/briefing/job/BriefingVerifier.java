package briefing.job;

import java.io.IOException;
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

    private final JobRepository jobRepository;
    private final BriefingRecreator recreator;

    public BriefingVerifier(JobRepository jobRepository, BriefingRecreator recreator) {
        this.jobRepository = jobRepository;
        this.recreator = recreator;
    }

    /** The names of the files that differ from their re-creation (or are missing); empty when all match. */
    public List<String> verify(Path folder) throws IOException {
        Path manifestFile = folder.resolve(OutputFolder.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(folder + " holds no " + OutputFolder.MANIFEST + ": it is not a published briefing.");
        }
        long instanceId = number(INSTANCE_ID, Files.readString(manifestFile, StandardCharsets.UTF_8));
        JobInstance instance = jobRepository.getJobInstance(instanceId);
        if (instance == null) {
            throw new IOException("The job repository does not know run " + instanceId + " of " + manifestFile
                    + ": verify it against the database it was made with (--data).");
        }
        Path scratch = Files.createTempDirectory("briefing-verify-");
        try {
            OutputFolder recreated = new OutputFolder(scratch.resolve("recreated"), instanceId);
            recreator.recreate(instance, recreated);
            List<String> differing = new ArrayList<>();
            for (String name : recreator.fileNames()) {
                Path published = folder.resolve(name);
                if (!Files.isRegularFile(published)
                        || !Arrays.equals(Files.readAllBytes(published), Files.readAllBytes(recreated.staging().resolve(name)))) {
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

    private static long number(Pattern pattern, String text) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IOException("The manifest has no " + pattern.pattern().split("\"")[1] + ".");
        }
        return Long.parseLong(m.group(1));
    }
}
