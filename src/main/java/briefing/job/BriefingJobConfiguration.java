package briefing.job;

import briefing.ledger.ClaimParser;
import briefing.ledger.IdIndexFile;
import briefing.ledger.InputFiles;
import briefing.ledger.LedgerRepository;
import briefing.report.ReportWriter;
import briefing.report.csv.ChangesCsvWriter;
import briefing.report.csv.RejectedCsvWriter;
import briefing.report.excel.ExcelBriefingWriter;
import briefing.report.pdf.PdfBriefingWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code briefingJob}: {@code ingest} (input files into the ledger), {@code compute} (the
 * figures of the period at the cutoff), {@code render} (the report files, into a staging folder),
 * {@code manifest} and {@code publish} (the files moved into the period's folder, manifest last).
 */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfiguration {

    static final String JOB = "briefingJob";
    static final String INGEST = "ingest";
    static final String RENDER = "render";
    /** Batches of rows ({@link InputRowReader#BATCH}) in one chunk of the ingest, in one transaction: some 5,000 rows. */
    static final int CHUNK_BATCHES = 10;
    /** Bytes taken as one input row when counting the rows to come: more than most rows take. */
    private static final int BYTES_PER_ROW = 160;

    @Bean
    Job briefingJob(JobRepository jobRepository, Step ingest, Step compute, Step render, Step manifest, Step publish,
                    StepLogger stepLogger, IndexHandOff indexHandOff) {
        return new JobBuilder(JOB, jobRepository)
                .listener(stepLogger)
                .listener(indexHandOff)
                .start(ingest).next(compute).next(render).next(manifest).next(publish)
                .build();
    }

    @Bean
    Step ingest(JobRepository jobRepository, PlatformTransactionManager transactionManager, InputRowReader inputRowReader,
                LedgerWriter ledgerWriter, StepLogger stepLogger, LedgerRepository ledgerRepository) {
        // the reader checks and parses the rows itself, ahead of the writer (see InputRowReader)
        return new StepBuilder(INGEST, jobRepository).<List<IngestOutcome>, List<IngestOutcome>>chunk(CHUNK_BATCHES)
                .transactionManager(transactionManager)
                .reader(inputRowReader)
                .writer(ledgerWriter)
                .listener(stepLogger)
                .listener(new LostRowsCheck(ledgerRepository))
                .build();
    }

    @Bean
    Step compute(JobRepository jobRepository, PlatformTransactionManager transactionManager, ComputeTasklet computeTasklet,
                 StepLogger stepLogger) {
        return new StepBuilder(ComputeTasklet.COMPUTE, jobRepository).tasklet(computeTasklet, transactionManager).listener(stepLogger).build();
    }

    @Bean
    Step render(JobRepository jobRepository, PlatformTransactionManager transactionManager, RenderTasklet renderTasklet,
                StepLogger stepLogger) {
        return new StepBuilder(RENDER, jobRepository).tasklet(renderTasklet, transactionManager).listener(stepLogger).build();
    }

    @Bean
    Step manifest(JobRepository jobRepository, PlatformTransactionManager transactionManager, ManifestTasklet manifestTasklet,
                  StepLogger stepLogger) {
        return new StepBuilder("manifest", jobRepository).tasklet(manifestTasklet, transactionManager).listener(stepLogger).build();
    }

    @Bean
    Step publish(JobRepository jobRepository, PlatformTransactionManager transactionManager, PublishTasklet publishTasklet,
                 StepLogger stepLogger) {
        return new StepBuilder("publish", jobRepository).tasklet(publishTasklet, transactionManager).listener(stepLogger).build();
    }

    @Bean
    @StepScope
    InputRowReader inputRowReader(@Value("#{jobParameters['input']}") String input, LedgerRepository ledgerRepository,
                                  @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstanceId,
                                  Clock clock) {
        return new InputRowReader(Path.of(input), ledgerRepository, jobInstanceId,
                new ClaimCheckProcessor(new ClaimParser(LocalDate.now(clock))));
    }

    @Bean
    @StepScope
    LedgerWriter ledgerWriter(LedgerRepository ledgerRepository, @Value("#{jobParameters['ingestedAt']}") String ingestedAt,
                              @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstanceId,
                              IndexHandOff indexHandOff, @Value("#{stepExecution.jobExecution.id}") long jobExecutionId,
                              @Value("${briefing.data}") Path dataFolder, BriefingStore briefingStore,
                              @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        // A run of the period of the last briefing most often knows its claims and takes its figures as they are,
        // without reading the blocks; a run of another period reads them all.
        RunParameters run = RunParameters.from(parameters);
        boolean readBlocksAhead = !briefingStore.earlierPeriod().equals(Optional.of(run.period())) && ledgerRepository.isEmbedded();
        return new LedgerWriter(ledgerRepository, Instant.parse(ingestedAt), jobInstanceId, indexHandOff, jobExecutionId,
                IdIndexFile.in(dataFolder), readBlocksAhead, expectedRows(run.input()));
    }

    /**
     * About how many rows the input's files hold, counted low (a row of the contract takes some 100-200 bytes): an
     * estimate too low only lets the index grow; one too high would hold memory for ids that never come.
     */
    static long expectedRows(Path input) {
        long bytes = 0;
        try {
            for (Path file : InputFiles.list(input)) {
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            // the reader reports the input folder's faults
            return 0;
        }
        return bytes / BYTES_PER_ROW;
    }

    @Bean
    @StepScope
    ComputeTasklet computeTasklet(BriefingAssembler briefingAssembler, BriefingStore briefingStore, IndexHandOff indexHandOff,
                                  @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
                                  @Value("${briefing.data}") Path dataFolder) {
        return new ComputeTasklet(briefingAssembler, briefingStore, indexHandOff, IdIndexFile.in(dataFolder),
                RunParameters.from(parameters));
    }

    @Bean
    @StepScope
    RenderTasklet renderTasklet(List<ReportWriter> reportWriters, BriefingStore briefingStore, BriefingAssembler briefingAssembler,
                                @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        return new RenderTasklet(reportWriters, briefingStore, briefingAssembler, RunParameters.from(parameters));
    }

    @Bean
    @StepScope
    ManifestTasklet manifestTasklet(ManifestFactory manifestFactory, JobRepository jobRepository, BriefingStore briefingStore,
                                    @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        return new ManifestTasklet(manifestFactory, jobRepository, briefingStore, RunParameters.from(parameters));
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(List<ReportWriter> reportWriters, BriefingStore briefingStore,
                                  @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
        return new PublishTasklet(reportWriters, briefingStore, RunParameters.from(parameters));
    }

    @Bean
    BriefingStore briefingStore(@Value("${briefing.data}") Path dataFolder) {
        return new BriefingStore(dataFolder);
    }

    /** The report files, in the order they are written and listed in the manifest. */
    @Bean
    List<ReportWriter> reportWriters() {
        return List.of(new ChangesCsvWriter(), new RejectedCsvWriter(), new ExcelBriefingWriter(), new PdfBriefingWriter());
    }

    @Bean
    StepLogger stepLogger() {
        return new StepLogger();
    }
}
