package briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyJudgementsTests {

    @Test
    void shouldGiveThreeToSixSentencesForEverySamplePeriod() {
        for (String label : List.of("2025-W18", "2025-04", "2025-Q2", "2025-W20")) {
            assertThat(KeyJudgements.of(SampleBriefings.of(label))).as(label)
                    .hasSizeBetween(KeyJudgements.LEAST, KeyJudgements.MOST)
                    .allSatisfy(sentence -> assertThat(sentence).endsWith("."));
        }
    }

    @Test
    void shouldSayOnlyThatNothingIsKnownBeforeTheFirstClaim() {
        assertThat(KeyJudgements.of(SampleBriefings.of("2024-W01")))
                .containsExactly("No claims known up to the end of this week.");
    }

    @Test
    void shouldPutRaisedEstimatesFirstAndNameFirstFigures() {
        List<String> sentences = KeyJudgements.of(SampleBriefings.of("2025-W18"));
        assertThat(sentences.get(0)).isEqualTo("NIS (South Korea) raised its estimate of killed from about 300 to 600 (+100.0%).");
        assertThat(sentences).contains(
                "NIS (South Korea) raised its estimate of casualties from about 3,000 (the sum of its killed and wounded) to 4,700 (+56.7%).",
                "NIS (South Korea) gave its first figures for repatriated at 2,000 and labourers sent at 15,000.",
                "Sources disagree on casualties: 4,000 according to South Korean military, 4,700 according to NIS (South Korea).");
    }

    @Test
    void shouldNameTheFiguresThatMovedMostFirstWhateverTheirSource() {
        List<Claim> claims = new ArrayList<>();
        // in reading order A, B, C, D; moved +1%, +50%, +10%, -80%
        long[][] figures = {{1000, 1010}, {1000, 1500}, {1000, 1100}, {1000, 200}};
        for (int i = 0; i < figures.length; i++) {
            String source = "Source " + (char) ('A' + i);
            claims.add(killed("before-" + i, source, LocalDate.of(2025, 4, 20), figures[i][0]));
            claims.add(killed("now-" + i, source, LocalDate.of(2025, 4, 30), figures[i][1]));
        }
        List<String> sentences = KeyJudgements.of(SampleBriefings.of("2025-W18", claims, List.of()));
        assertThat(sentences).startsWith("Source D lowered its estimate of killed from 1,000 to 200 (-80.0%).",
                "Source B raised its estimate of killed from 1,000 to 1,500 (+50.0%).",
                "Source C raised its estimate of killed from 1,000 to 1,100 (+10.0%).",
                "1 other figure also changed; see the table below.");
    }

    @Test
    void shouldWriteLargeCountsWithThousandsSeparators() {
        List<Rejection> rejections = new ArrayList<>();
        for (int line = 2; line < 1236; line++) {
            rejections.add(new Rejection("claims.csv", line, "x" + line, "metric", "Unknown metric 'kiled'."));
        }
        List<String> sentences = KeyJudgements.of(SampleBriefings.of("2025-W18", SampleBriefings.sampleClaims(), rejections));
        assertThat(sentences.get(sentences.size() - 1)).isEqualTo("1,234 input rows were rejected and are not counted; see Data quality.");
    }

    @Test
    void shouldSayWhichFiguresOfThePreviousBriefingLateClaimsChanged() {
        assertThat(KeyJudgements.of(SampleBriefings.withLateClaim())).contains("Since the 2025-W18 briefing, late claims or"
                + " corrections changed its figure for Ukraine GUR's killed (none then, 1,000 now); see Restated since the"
                + " 2025-W18 briefing.");
        assertThat(KeyJudgements.of(SampleBriefings.of("2025-W19"))).noneMatch(sentence -> sentence.contains("late claims"));
    }

    private static Claim killed(String id, String source, LocalDate day, long value) {
        return new Claim(id, day, source, null, "Subject", Metric.KILLED, value, value, Qualifier.EXACT, Basis.CUMULATIVE, day,
                null, null, null, null);
    }

    @Test
    void shouldSayFirstThatNothingIsNewAndLastThatRowsWereRejected() {
        Rejection rejection = new Rejection("claims.csv", 7, "x", "metric", "Unknown metric 'kiled'.");
        List<String> sentences = KeyJudgements.of(SampleBriefings.of("2025-W20", SampleBriefings.sampleClaims(), List.of(rejection)));
        assertThat(sentences.get(0)).isEqualTo("No new claims this week: figures carried from 30 April 2025.");
        assertThat(sentences.get(sentences.size() - 1)).isEqualTo("1 input row was rejected and is not counted; see Data quality.");
    }
}
