package briefing.ledger;

import java.util.Random;

/**
 * Runs a property over many random seeds, a new set each run. A failure names its seed; {@code
 * -Dbriefing.seed=N} runs that seed alone, so every failure can be replayed.
 */
public final class Seeds {

    /** A check of one generated case. */
    @FunctionalInterface
    public interface Check {
        void run(long seed) throws Exception;
    }

    private Seeds() {
    }

    public static void check(int tries, Check check) {
        String fixed = System.getProperty("briefing.seed");
        long first = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        for (int i = 0; i < (fixed != null ? 1 : tries); i++) {
            long seed = first + i;
            try {
                check.run(seed);
            } catch (Throwable e) {
                throw new AssertionError("The property failed for seed " + seed + "; re-run it alone with -Dbriefing.seed="
                        + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
