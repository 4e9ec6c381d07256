package briefing.report;

import briefing.change.ChangeCalculator;
import briefing.change.Range;
import briefing.change.Restatement;
import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.ClaimParser;
import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.ledger.SeriesKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Briefings computed from the sample input ({@code input/}) without a database, for renderer tests. */
public final class SampleBriefings {

    public static final Instant CUTOFF = Instant.parse("2025-05-05T06:00:00Z");

    private SampleBriefings() {
    }

    /** The briefing of a period label (e.g. {@code 2025-W18}) over the sample input. */
    public static Briefing of(String periodLabel) {
        return of(periodLabel, sampleClaims(), List.of());
    }

    public static Briefing of(String periodLabel, List<Claim> claims, List<Rejection> rejections) {
        ChangeCalculator calculator = new ChangeCalculator(briefing.period.Period.parse(periodLabel));
        Map<String, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim claim : claims) {
            groups.computeIfAbsent(claim.subject() + "\u0000" + claim.source(), k -> new ArrayList<>()).add(claim);
        }
        groups.values().forEach(calculator::addGroup);
        return new Briefing(calculator.finish(), CUTOFF, rejections);
    }

    /**
     * The 2025-W19 briefing of the sample after a late claim: Ukraine GUR's killed at 1,000, reported on 2 May (in
     * 2025-W18) but loaded after the 2025-W18 briefing, which had no figure of that source.
     */
    public static Briefing withLateClaim() {
        List<Claim> claims = new ArrayList<>(sampleClaims());
        LocalDate reported = LocalDate.of(2025, 5, 2);
        claims.add(new Claim("gur-killed-0502", reported, "Ukraine GUR", null, "DPRK forces in Russia", Metric.KILLED, 1000, 1000,
                Qualifier.EXACT, Basis.CUMULATIVE, reported, null, "https://example.org/gur", null, null));
        Briefing computed = of("2025-W19", claims, List.of());
        SeriesKey gur = new SeriesKey("DPRK forces in Russia", Metric.KILLED, "Ukraine GUR");
        return new Briefing(computed.figures(), CUTOFF.plusSeconds(7 * 86400), List.of(), CUTOFF,
                List.of(new Restatement(gur, null, new Range(1000, 1000))));
    }

    public static List<Claim> sampleClaims() {
        List<Claim> claims = new ArrayList<>();
        ClaimParser parser = new ClaimParser(LocalDate.of(2025, 5, 5));
        try (InputFiles files = InputFiles.open(Path.of("input"))) {
            InputRow row;
            while ((row = files.next()) != null) {
                ClaimParser.Outcome outcome = parser.parse(row);
                if (outcome.claim() == null) {
                    throw new IllegalStateException("Sample row rejected: " + outcome.rejection());
                }
                claims.add(outcome.claim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return claims;
    }
}
