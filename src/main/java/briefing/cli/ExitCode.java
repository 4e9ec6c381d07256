package briefing.cli;

/** The documented exit codes of {@code scripts/briefing}; cron and scripts test them. */
public enum ExitCode {
    /** The briefing was written, or the period had already been reported: nothing to do. */
    DONE(0, "done; also: the period was already reported, nothing to do"),
    /** The command line was wrong; nothing was run. */
    USAGE(2, "usage error: unknown option or bad value; nothing was run"),
    /** The briefing was written, but some input rows were rejected (see rejected.csv). */
    DONE_WITH_REJECTIONS(3, "done, but input rows were rejected (see rejected.csv)"),
    /** The job failed; run the same command again to resume it. */
    FAILED(4, "the job failed; run the same command again to resume it"),
    /** Another run holds the lock; nothing was touched. */
    LOCKED(5, "another run holds the lock; nothing was touched"),
    /** {@code --verify} found files that differ from their re-creation. */
    VERIFY_MISMATCH(6, "--verify: some files differ from their re-creation (listed)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
