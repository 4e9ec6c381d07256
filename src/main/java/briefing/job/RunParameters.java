package briefing.job;

import briefing.period.Period;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one briefing run. The period, the cutoff and whether the cutoff was asked for
 * ({@code --as-of}) identify the job instance, so an auditor's re-run with the cutoff of a sent
 * briefing is a run of its own; when new records count as ingested and the folders travel along
 * without identifying it, so a restart reuses them.
 */
public record RunParameters(Period period, Instant cutoff, boolean explicitCutoff, Instant ingestedAt,
                            Path input, Path reports) {

    static final String PERIOD = "period";
    static final String CUTOFF = "cutoff";
    static final String EXPLICIT_CUTOFF = "explicitCutoff";
    static final String INGESTED_AT = "ingestedAt";
    static final String INPUT = "input";
    static final String REPORTS = "reports";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PERIOD, period.label(), true)
                .addString(CUTOFF, cutoff.toString(), true)
                .addString(EXPLICIT_CUTOFF, Boolean.toString(explicitCutoff), true)
                .addString(INGESTED_AT, ingestedAt.toString(), false)
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(REPORTS, reports.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public static RunParameters from(JobParameters parameters) {
        return new RunParameters(Period.parse(parameters.getString(PERIOD)),
                Instant.parse(parameters.getString(CUTOFF)),
                Boolean.parseBoolean(parameters.getString(EXPLICIT_CUTOFF)),
                Instant.parse(parameters.getString(INGESTED_AT)),
                Path.of(parameters.getString(INPUT)),
                Path.of(parameters.getString(REPORTS)));
    }

    /**
     * {@code reports/<granularity>/<label>/}, or {@code .../as-of-<cutoff>/} for a run with an explicit
     * cutoff, so a re-run never overwrites the briefing that was sent. The cutoff is written as an ISO
     * instant with the colons left out, which some file systems and tools refuse.
     */
    public Path outputFolder() {
        Path folder = reports.resolve(period.granularity().folder()).resolve(period.label());
        return explicitCutoff ? folder.resolve("as-of-" + cutoff.toString().replace(":", "")) : folder;
    }
}
