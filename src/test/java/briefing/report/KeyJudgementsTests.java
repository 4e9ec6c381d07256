package briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Rejection;
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
                "NIS (South Korea) raised its estimate of casualties from about 3,000 to 4,700 (+56.7%).",
                "NIS (South Korea) gave its first figures for repatriated at 2,000 and labourers sent at 15,000.",
                "Sources disagree on casualties: 4,000 according to South Korean military, 4,700 according to NIS (South Korea).");
    }

    @Test
    void shouldSayFirstThatNothingIsNewAndLastThatRowsWereRejected() {
        Rejection rejection = new Rejection("claims.csv", 7, "x", "metric", "Unknown metric 'kiled'.");
        List<String> sentences = KeyJudgements.of(SampleBriefings.of("2025-W20", SampleBriefings.sampleClaims(), List.of(rejection)));
        assertThat(sentences.get(0)).isEqualTo("No new claims this week: figures carried from 30 April 2025.");
        assertThat(sentences.get(sentences.size() - 1)).isEqualTo("1 input row was rejected and is not counted; see Data quality.");
    }
}
