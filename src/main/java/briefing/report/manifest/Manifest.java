package briefing.report.manifest;

import briefing.period.Period;
import java.time.Instant;
import java.util.List;

/**
 * What an auditor needs to prove what a run did: its parameters and cutoff, the job instance and
 * execution, every input file and output file with its SHA-256, and the counts of the ingest
 * (rows read = loaded + already in the ledger + rejected).
 */
public record Manifest(
        Period period,
        Instant cutoff,
        boolean explicitCutoff,
        String jobName,
        long jobInstanceId,
        long jobExecutionId,
        List<FileEntry> inputs,
        Counts counts,
        List<FileEntry> outputs) {

    /** A file by name (relative to its folder), size, SHA-256 and, for input files, data rows read. */
    public record FileEntry(String file, long bytes, String sha256, Long rows) {
    }

    public record Counts(long rowsRead, long loaded, long alreadyInLedger, long rejected, long ledgerRecordsAtCutoff,
                         long series) {
    }
}
