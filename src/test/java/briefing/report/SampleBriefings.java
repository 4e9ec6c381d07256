package briefing.report;

import briefing.change.ChangeCalculator;
import briefing.ledger.Claim;
import briefing.ledger.ClaimParser;
import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.Rejection;
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
