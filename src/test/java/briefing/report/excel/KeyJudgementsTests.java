package briefing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.report.SampleBriefings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyJudgementsTests {

    private static final String SUBJECT = "DPRK forces in Russia";
    private static final LocalDate EARLIER = LocalDate.of(2025, 4, 1);
    private static final LocalDate IN_W18 = LocalDate.of(2025, 4, 29);

    @Test
    void shouldLeadWithTheLargestRevisionThenFirstFiguresThenDisagreement() {
        List<String> judgements = KeyJudgements.of(SampleBriefings.of("2025-W18").figures());

        assertThat(judgements).containsExactly(
                "NIS (South Korea) raised its estimate of killed from about 300 to 600 (+100.0%).",
                "NIS (South Korea) raised its estimate of casualties from about 3,000 (killed plus wounded) to 4,700 (+56.7%).",
                "NIS (South Korea) gave a first figure for labourers sent: 15,000.",
                "NIS (South Korea) gave a first figure for repatriated: 2,000.",
                "Sources differ on casualties: 4,700 according to NIS (South Korea), 4,000 according to South Korean military.");
    }

    @Test
    void shouldSayFiguresAreCarriedAndStillGiveThree() {
        List<String> judgements = KeyJudgements.of(SampleBriefings.of("2025-W20").figures());

        assertThat(judgements).hasSize(KeyJudgements.MIN).startsWith(
                "No new claims this period: figures carried from 2025-04-30.",
                "Sources differ on casualties: 4,700 according to NIS (South Korea), 4,000 according to South Korean military.");
        assertThat(judgements.get(2)).isEqualTo("Latest figure for killed: 600, reported by NIS (South Korea) on 2025-04-30.");
    }

    @Test
    void shouldCallASupersedingRecordACorrection() {
        List<Claim> claims = List.of(
                claim("k-1", "NIS", Metric.KILLED, 300, EARLIER, EARLIER, null),
                claim("k-2", "NIS", Metric.KILLED, 350, IN_W18, EARLIER, "k-1"));

        assertThat(KeyJudgements.of(SampleBriefings.of("2025-W18", claims, List.of()).figures()))
                .first().isEqualTo("NIS corrected its estimate of killed from 300 to 350 (+16.7%).");
    }

    @Test
    void shouldLowerAndRepeat() {
        List<Claim> claims = List.of(
                claim("k-1", "A", Metric.KILLED, 300, EARLIER, EARLIER, null),
                claim("k-2", "A", Metric.KILLED, 240, IN_W18, IN_W18, null),
                claim("w-1", "A", Metric.WOUNDED, 900, EARLIER, EARLIER, null),
                claim("w-2", "A", Metric.WOUNDED, 900, IN_W18, IN_W18, null));

        assertThat(KeyJudgements.of(SampleBriefings.of("2025-W18", claims, List.of()).figures())).containsSubsequence(
                "A lowered its estimate of killed from 300 to 240 (-20.0%).",
                "A repeated its estimate of wounded: 900.");
    }

    @Test
    void shouldKeepToSixSentencesAndPointToTheRest() {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(claim("c-" + i, "Source " + i, Metric.KILLED, 100 + i, IN_W18, IN_W18, null));
        }

        List<String> judgements = KeyJudgements.of(SampleBriefings.of("2025-W18", claims, List.of()).figures());

        assertThat(judgements).hasSize(KeyJudgements.MAX)
                .last().isEqualTo("3 more series changed this period: see the Changes sheet.");
    }

    @Test
    void shouldNameTheSubjectWhenThereAreSeveral() {
        List<Claim> claims = List.of(
                claim("a-1", "A", Metric.KILLED, 100, IN_W18, IN_W18, null),
                new Claim("b-1", IN_W18, "B", null, "Other force", Metric.KILLED, 5, 5, Qualifier.EXACT, Basis.CUMULATIVE,
                        IN_W18, null, null, null, null));

        assertThat(KeyJudgements.of(SampleBriefings.of("2025-W18", claims, List.of()).figures()))
                .contains(SUBJECT + ": A gave a first figure for killed: 100.", "Other force: B gave a first figure for killed: 5.");
    }

    private static Claim claim(String id, String source, Metric metric, long value, LocalDate reportedOn, LocalDate asOf,
            String supersedes) {
        return new Claim(id, reportedOn, source, null, SUBJECT, metric, value, value, Qualifier.EXACT, Basis.CUMULATIVE,
                asOf, null, null, supersedes, null);
    }
}
