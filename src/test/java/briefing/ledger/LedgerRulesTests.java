package briefing.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.LedgerRules.Decision.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerRulesTests {

    private static final SeriesKey NIS_KILLED = new SeriesKey("DPRK forces in Russia", Metric.KILLED, "NIS (South Korea)");

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final LedgerRules rules = new LedgerRules(ledger);

    // ---- new records -----------------------------------------------------------------------

    @Test
    void shouldAcceptANewRecordAndRememberItsSeriesBasisAndOrigin() {
        // when
        LedgerRules.Decision decision = apply(Rows.valid().at("a.csv", 2));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(decision.rejection()).isNull();
        assertThat(ledger.find("r1")).hasValueSatisfying(stored -> {
            assertThat(stored.series()).isEqualTo(NIS_KILLED);
            assertThat(stored.file()).isEqualTo("a.csv");
            assertThat(stored.line()).isEqualTo(2);
            assertThat(stored.claim()).isEqualTo(Rows.valid().claim());
        });
        assertThat(ledger.basisOf(NIS_KILLED)).contains(Basis.CUMULATIVE);
    }

    // ---- the same record_id again ----------------------------------------------------------

    static Stream<Arguments> sameContentWrittenTwoWays() {
        return Stream.of(
                Arguments.of(Rows.valid().with(Column.VALUE_LOW, "4,700"), Rows.valid().with(Column.VALUE_LOW, "4700")),
                Arguments.of(Rows.valid().with(Column.VALUE_LOW, "4 700"), Rows.valid().with(Column.VALUE_LOW, "4,700")),
                Arguments.of(Rows.valid().with(Column.AS_OF, ""), Rows.valid().with(Column.AS_OF, "2025-04-30")),
                Arguments.of(Rows.valid().with(Column.VALUE_HIGH, ""), Rows.valid().with(Column.VALUE_HIGH, "600")),
                Arguments.of(Rows.valid().with(Column.QUALIFIER, ""), Rows.valid().with(Column.QUALIFIER, "EXACT")),
                Arguments.of(Rows.valid().with(Column.QUALIFIER, "at least"), Rows.valid().with(Column.QUALIFIER, "At_Least")),
                Arguments.of(Rows.valid().with(Column.BASIS, ""), Rows.valid().with(Column.BASIS, "Cumulative")),
                Arguments.of(Rows.valid().with(Column.METRIC, "killed"), Rows.valid().with(Column.METRIC, " KILLED")),
                Arguments.of(Rows.valid().with(Column.NOTE, "a note"), Rows.valid().with(Column.NOTE, "  a note ")),
                Arguments.of(Rows.valid().with(Column.CONDUIT, ""), Rows.valid().without(Column.CONDUIT)));
    }

    @ParameterizedTest
    @MethodSource("sameContentWrittenTwoWays")
    void shouldTreatTheSameIdWithTheSameContentAfterParsingAsANoOp(Rows first, Rows again) {
        // given
        assertThat(apply(first.at("a.csv", 2)).kind()).isEqualTo(Kind.ACCEPTED);

        // when
        LedgerRules.Decision decision = apply(again.at("b.csv", 9));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.ALREADY_IN_LEDGER);
        assertThat(decision.rejection()).isNull();
        assertThat(ledger.find("r1")).hasValueSatisfying(stored -> {
            assertThat(stored.file()).isEqualTo("a.csv");
            assertThat(stored.line()).isEqualTo(2);
        });
    }

    static Stream<Arguments> otherContent() {
        return Stream.of(
                Arguments.of(Column.VALUE_LOW, "700"),
                Arguments.of(Column.VALUE_HIGH, "700"),
                Arguments.of(Column.REPORTED_ON, "2025-04-29"),
                Arguments.of(Column.AS_OF, "2025-04-01"),
                Arguments.of(Column.QUALIFIER, "about"),
                Arguments.of(Column.SOURCE, "nis (south korea)"),
                Arguments.of(Column.METRIC, "wounded"),
                Arguments.of(Column.CONDUIT, "an MP"),
                Arguments.of(Column.CITATION, "https://example.org"),
                Arguments.of(Column.NOTE, "restated"));
    }

    @ParameterizedTest
    @MethodSource("otherContent")
    void shouldRejectTheSameIdWithOtherContentOnTheLaterRowNamingBothFilesAndLines(Column column, String value) {
        // given
        apply(Rows.valid().at("claims-a.csv", 2));

        // when
        LedgerRules.Decision decision = apply(Rows.valid().with(column, value).at("claims-b.csv", 7));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        Rejection rejection = decision.rejection();
        assertThat(rejection.file()).isEqualTo("claims-b.csv");
        assertThat(rejection.line()).isEqualTo(7);
        assertThat(rejection.recordId()).isEqualTo("r1");
        assertThat(rejection.column()).isEqualTo("record_id");
        assertThat(rejection.reason()).contains("claims-a.csv line 2").contains("claims-b.csv line 7");
        // nothing is silently changed: the first content still stands
        assertThat(apply(Rows.valid().at("claims-c.csv", 4)).kind()).isEqualTo(Kind.ALREADY_IN_LEDGER);
        assertThat(ledger.find("r1")).hasValueSatisfying(stored -> assertThat(stored.file()).isEqualTo("claims-a.csv"));
    }

    @Test
    void shouldRejectTheSameIdWithOtherContentThanARecordOfAnEarlierRun() {
        // given
        ledger.putStored(new StoredClaim(Rows.valid().with(Column.VALUE_LOW, "500").claim(), "claims-2025-04.csv", 12));

        // when
        LedgerRules.Decision decision = apply(Rows.valid().at("claims-2025-05.csv", 3));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.rejection().column()).isEqualTo("record_id");
        assertThat(decision.rejection().reason()).contains("claims-2025-04.csv line 12").contains("claims-2025-05.csv line 3");
    }

    @Test
    void shouldTellAConflictWithAStoredRecordAsLastingAndNoOtherRejection() {
        ledger.putStored(new StoredClaim(Rows.valid().with(Column.VALUE_LOW, "500").claim(), "claims-2025-04.csv", 12));
        ledger.putBasis(NIS_KILLED, Basis.CUMULATIVE);

        Rejection conflict = apply(Rows.valid().at("claims-2025-05.csv", 3)).rejection();
        Rejection basis = apply(increment("r2").at("claims-2025-05.csv", 4)).rejection();
        Rejection unknownTarget = apply(Rows.valid().with(Column.RECORD_ID, "r3").with(Column.SUPERSEDES, "r9")
                .at("claims-2025-05.csv", 5)).rejection();

        assertThat(LedgerRules.isLasting(conflict)).isTrue();
        assertThat(basis.column()).isEqualTo("basis");
        assertThat(LedgerRules.isLasting(basis)).isFalse();
        // r9 may come in a later file: the row is checked again then
        assertThat(unknownTarget.column()).isEqualTo("supersedes");
        assertThat(LedgerRules.isLasting(unknownTarget)).isFalse();
    }

    @Test
    void shouldTreatARecordOfAnEarlierRunSentAgainAsANoOp() {
        ledger.putStored(new StoredClaim(Rows.valid().claim(), "claims-2025-04.csv", 12));

        assertThat(apply(Rows.valid().with(Column.VALUE_LOW, " 600 ").with(Column.AS_OF, "2025-04-30").at("claims-2025-05.csv", 3)).kind())
                .isEqualTo(Kind.ALREADY_IN_LEDGER);
    }

    // ---- one basis per series --------------------------------------------------------------

    @Test
    void shouldRejectARecordWhoseBasisDiffersFromItsSeries() {
        // given
        apply(Rows.valid().at("a.csv", 2));

        // when
        LedgerRules.Decision decision = apply(increment("r2").at("a.csv", 3));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.rejection().column()).isEqualTo("basis");
        assertThat(decision.rejection().line()).isEqualTo(3);
        assertThat(decision.rejection().recordId()).isEqualTo("r2");
        assertThat(decision.rejection().reason()).contains("cumulative").contains("increment");
        assertThat(ledger.find("r2")).isEmpty();
        assertThat(ledger.basisOf(NIS_KILLED)).contains(Basis.CUMULATIVE);
    }

    @Test
    void shouldCompareTheSeriesOfARecordAfterTrimming() {
        apply(Rows.valid().at("a.csv", 2));

        LedgerRules.Decision decision = apply(increment("r2").with(Column.SOURCE, "  NIS (South Korea) ")
                .with(Column.SUBJECT, "DPRK forces in Russia\t").with(Column.METRIC, "Killed").at("a.csv", 3));

        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.rejection().column()).isEqualTo("basis");
    }

    @Test
    void shouldRejectACumulativeRecordInAnIncrementSeries() {
        apply(increment("r1").at("a.csv", 2));

        LedgerRules.Decision decision = apply(Rows.valid().with(Column.RECORD_ID, "r2").at("a.csv", 3));

        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.rejection().column()).isEqualTo("basis");
    }

    @Test
    void shouldRejectABasisOtherThanThatOfASeriesOfAnEarlierRun() {
        ledger.putBasis(NIS_KILLED, Basis.INCREMENT);

        LedgerRules.Decision decision = apply(Rows.valid().at("a.csv", 2));

        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.rejection().column()).isEqualTo("basis");
    }

    @Test
    void shouldLetEachSeriesHaveItsOwnBasis() {
        // given: NIS killed is cumulative
        apply(Rows.valid().at("a.csv", 2));

        // when: increments in four other series (other source, source in other case, other metric,
        // other subject)
        List<Kind> kinds = Stream.of(
                        increment("r2").with(Column.SOURCE, "South Korean military"),
                        increment("r5").with(Column.SOURCE, "nis (south korea)"),
                        increment("r3").with(Column.METRIC, "repatriated"),
                        increment("r4").with(Column.SUBJECT, "DPRK labourers in Russia"))
                .map(rows -> apply(rows).kind()).toList();

        // then
        assertThat(kinds).containsOnly(Kind.ACCEPTED);
    }

    // ---- supersedes ------------------------------------------------------------------------

    @Test
    void shouldAcceptACorrectionOfAnEarlierRecordOfTheSameSeries() {
        // given
        apply(Rows.valid().at("a.csv", 2));

        // when: the source restated its figure for the same date
        LedgerRules.Decision decision = apply(Rows.valid().with(Column.RECORD_ID, "r1-fix").with(Column.VALUE_LOW, "650")
                .with(Column.SUPERSEDES, "r1").at("b.csv", 2));

        // then
        assertThat(decision.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(ledger.find("r1-fix")).isPresent();
        assertThat(ledger.find("r1")).hasValueSatisfying(stored -> assertThat(stored.file()).isEqualTo("a.csv"));
        // a correction of the correction is accepted too
        assertThat(apply(Rows.valid().with(Column.RECORD_ID, "r1-fix2").with(Column.VALUE_LOW, "660")
                .with(Column.SUPERSEDES, "r1-fix").at("b.csv", 3)).kind()).isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void shouldAcceptACorrectionOfARecordOfAnEarlierRun() {
        ledger.putStored(new StoredClaim(Rows.valid().with(Column.RECORD_ID, "r0").claim(), "claims-2025-04.csv", 5));
        ledger.putBasis(NIS_KILLED, Basis.CUMULATIVE);

        LedgerRules.Decision decision = apply(Rows.valid().with(Column.SUPERSEDES, "r0"));

        assertThat(decision.kind()).isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void shouldRejectASupersedesThatNamesAnUnknownRecord() {
        apply(Rows.valid().at("a.csv", 2));

        LedgerRules.Decision decision = apply(Rows.valid().with(Column.RECORD_ID, "r2").with(Column.SUPERSEDES, "r9")
                .at("a.csv", 3));

        assertRejected(decision, "supersedes", "a.csv", 3, "r2");
        assertThat(decision.rejection().reason()).contains("r9");
        assertThat(ledger.find("r2")).isEmpty();
    }

    static Stream<Arguments> otherSeries() {
        return Stream.of(
                Arguments.of(Column.SOURCE, "South Korean military"),
                Arguments.of(Column.METRIC, "wounded"),
                Arguments.of(Column.SUBJECT, "DPRK labourers in Russia"));
    }

    @ParameterizedTest
    @MethodSource("otherSeries")
    void shouldRejectASupersedesThatNamesARecordOfAnotherSeries(Column column, String value) {
        // given: r1 is NIS killed
        apply(Rows.valid().at("a.csv", 2));

        // when: r2, in another series, claims to correct r1
        LedgerRules.Decision decision = apply(Rows.valid().with(Column.RECORD_ID, "r2").with(column, value)
                .with(Column.SUPERSEDES, "r1").at("a.csv", 3));

        // then
        assertRejected(decision, "supersedes", "a.csv", 3, "r2");
        assertThat(decision.rejection().reason()).contains("r1").contains("another series");
    }

    @Test
    void shouldRejectARecordThatSupersedesItself() {
        LedgerRules.Decision decision = apply(Rows.valid().with(Column.SUPERSEDES, "r1").at("a.csv", 4));

        assertRejected(decision, "supersedes", "a.csv", 4, "r1");
        assertThat(decision.rejection().reason()).contains("itself");
        assertThat(ledger.find("r1")).isEmpty();
    }

    @Test
    void shouldRejectARowThatSupersedesARejectedRowAndSoOnDownTheChain() {
        // given: r1 accepted; r2 rejected for its basis
        apply(Rows.valid().at("a.csv", 2));
        assertThat(apply(increment("r2").at("a.csv", 3)).kind()).isEqualTo(Kind.REJECTED);

        // when: r3 corrects the rejected r2, r4 corrects r3
        LedgerRules.Decision r3 = apply(Rows.valid().with(Column.RECORD_ID, "r3").with(Column.SUPERSEDES, "r2").at("a.csv", 4));
        LedgerRules.Decision r4 = apply(Rows.valid().with(Column.RECORD_ID, "r4").with(Column.SUPERSEDES, "r3").at("a.csv", 5));

        // then
        assertRejected(r3, "supersedes", "a.csv", 4, "r3");
        assertRejected(r4, "supersedes", "a.csv", 5, "r4");
    }

    @Test
    void shouldRejectACorrectionMetBeforeTheRecordItCorrects() {
        // The code's reading of "accepted from the same run's input": the corrected record must have
        // been met earlier (before in the same file, or in a file earlier in name order).
        // given: the correction comes first
        LedgerRules.Decision correction = apply(Rows.valid().with(Column.RECORD_ID, "r1-fix")
                .with(Column.SUPERSEDES, "r1").at("a.csv", 2));

        // when
        LedgerRules.Decision corrected = apply(Rows.valid().at("a.csv", 3));

        // then
        assertRejected(correction, "supersedes", "a.csv", 2, "r1-fix");
        assertThat(corrected.kind()).isEqualTo(Kind.ACCEPTED);
    }

    // ---- the rules over files, in the order rows are met -----------------------------------

    @Test
    void shouldApplyTheRulesToFilesInNameOrderAndRowOrder(@TempDir Path dir) throws IOException {
        // given
        String header = "record_id,reported_on,source,subject,metric,value_low,basis,as_of,window_start,supersedes\n";
        Files.writeString(dir.resolve("b.csv"), header
                + "k1,2025-04-30,NIS,DPRK forces in Russia,killed,4700,cumulative,2025-04-30,,\n"
                + "k1,2025-04-30,NIS,DPRK forces in Russia,killed,4800,,,,\n"
                + "k1-fix,2025-04-30,NIS,DPRK forces in Russia,killed,4800,,,,k1\n"
                + "inc,2025-04-30,NIS,DPRK forces in Russia,killed,100,increment,2025-04-30,2025-04-01,\n", UTF_8);
        Files.writeString(dir.resolve("a.csv"), header
                + "k1,2025-04-30,NIS,DPRK forces in Russia,killed,\"4,700\",,,,\n"
                + "bad,2025-04-30,NIS,DPRK forces in Russia,killed,4.7k,,,,\n"
                + "fix-bad,2025-04-30,NIS,DPRK forces in Russia,killed,4800,,,,bad\n", UTF_8);
        ClaimParser parser = new ClaimParser(Rows.TODAY);
        List<String> accepted = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();

        // when
        try (InputFiles files = InputFiles.open(dir)) {
            InputRow row;
            while ((row = files.next()) != null) {
                ClaimParser.Outcome outcome = parser.parse(row);
                if (outcome.rejection() != null) {
                    rejected.add(outcome.rejection());
                    continue;
                }
                LedgerRules.Decision decision = rules.apply(outcome.claim(), row);
                switch (decision.kind()) {
                    case ACCEPTED -> accepted.add(row.file() + ":" + row.line());
                    case ALREADY_IN_LEDGER -> already.add(row.file() + ":" + row.line());
                    case REJECTED -> rejected.add(decision.rejection());
                }
            }
        }

        // then
        assertThat(accepted).containsExactly("a.csv:2", "b.csv:4");
        assertThat(already).containsExactly("b.csv:2");
        assertThat(rejected).extracting(r -> r.file() + ":" + r.line() + " " + r.recordId() + " " + r.column())
                .containsExactly("a.csv:3 bad value_low", "a.csv:4 fix-bad supersedes", "b.csv:3 k1 record_id",
                        "b.csv:5 inc basis");
        assertThat(rejected.get(2).reason()).contains("a.csv line 2").contains("b.csv line 3");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private LedgerRules.Decision apply(Rows rows) {
        return rules.apply(rows.claim(), rows.row());
    }

    /** An increment in the NIS killed series, as_of 2025-04-30, window from 2025-04-01. */
    private static Rows increment(String id) {
        return Rows.valid().with(Column.RECORD_ID, id).with(Column.VALUE_LOW, "100").with(Column.BASIS, "increment")
                .with(Column.WINDOW_START, "2025-04-01");
    }

    private static void assertRejected(LedgerRules.Decision decision, String column, String file, long line, String recordId) {
        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        Rejection rejection = decision.rejection();
        assertThat(rejection.column()).as("column of: %s", rejection.reason()).isEqualTo(column);
        assertThat(rejection.file()).isEqualTo(file);
        assertThat(rejection.line()).isEqualTo(line);
        assertThat(rejection.recordId()).isEqualTo(recordId);
        assertThat(rejection.reason()).isNotBlank();
    }
}
