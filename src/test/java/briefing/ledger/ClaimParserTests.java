package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimParserTests {

    // ---- a valid row -----------------------------------------------------------------------

    @Test
    void shouldParseAFullRow() {
        // given
        Rows rows = Rows.valid()
                .with(Column.RECORD_ID, "nis-2025-04-30.killed:v2")
                .with(Column.CONDUIT, "Lee Seong Kweun (MP), closed-door briefing")
                .with(Column.METRIC, "reinforcements")
                .with(Column.VALUE_LOW, "10,000")
                .with(Column.VALUE_HIGH, "12 000")
                .with(Column.QUALIFIER, "more than")
                .with(Column.BASIS, "increment")
                .with(Column.AS_OF, "2025-03-31")
                .with(Column.WINDOW_START, "2025-01-01")
                .with(Column.CITATION, "https://example.org/a")
                .with(Column.SUPERSEDES, "r0")
                .with(Column.NOTE, "date approximate: 'in March'");

        // when
        Claim claim = rows.claim();

        // then
        assertThat(claim).isEqualTo(new Claim("nis-2025-04-30.killed:v2", LocalDate.of(2025, 4, 30), "NIS (South Korea)",
                "Lee Seong Kweun (MP), closed-door briefing", "DPRK forces in Russia", Metric.REINFORCEMENTS, 10_000,
                12_000, Qualifier.MORE_THAN, Basis.INCREMENT, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 1, 1),
                "https://example.org/a", "r0", "date approximate: 'in March'"));
    }

    @Test
    void shouldFillTheDefaultsOfOptionalValues() {
        Claim claim = Rows.valid().claim();

        assertThat(claim).isEqualTo(new Claim("r1", LocalDate.of(2025, 4, 30), "NIS (South Korea)", null,
                "DPRK forces in Russia", Metric.KILLED, 600, 600, Qualifier.EXACT, Basis.CUMULATIVE,
                LocalDate.of(2025, 4, 30), null, null, null, null));
    }

    @Test
    void shouldTreatAnAbsentOptionalColumnLikeAnEmptyOne() {
        Rows absent = Rows.valid();
        for (Column column : Column.values()) {
            if (!column.required()) {
                absent.without(column);
            }
        }

        assertThat(absent.claim()).isEqualTo(Rows.valid().claim());
    }

    @Test
    void shouldPassOnAFaultOfTheReaderUnchanged() {
        Rejection fault = new Rejection("a.csv", 7, "r7", "", "The row has 3 fields but the header has 7.");

        ClaimParser.Outcome outcome = new ClaimParser(Rows.TODAY).parse(InputRow.faulty(fault));

        assertThat(outcome.claim()).isNull();
        assertThat(outcome.rejection()).isEqualTo(fault);
    }

    // ---- record_id -------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Column.class, names = {"RECORD_ID", "REPORTED_ON", "SOURCE", "SUBJECT", "METRIC", "VALUE_LOW"})
    void shouldRejectAMissingRequiredValue(Column required) {
        Rejection empty = rejected(Rows.valid().with(required, ""), required);
        Rejection blank = rejected(Rows.valid().with(required, " \t "), required);

        assertThat(empty.reason()).contains("missing");
        assertThat(blank.reason()).contains("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r 1", "r/1", "r,1", "ré", "r#1", "r1;", "(r1)", "r1\u00A0x"})
    void shouldRejectARecordIdWithCharactersOutsideTheContract(String id) {
        Rejection rejection = rejected(Rows.valid().with(Column.RECORD_ID, id), Column.RECORD_ID);

        assertThat(rejection.recordId()).isEqualTo(id);
    }

    @Test
    void shouldAcceptEveryCharacterTheContractAllowsInARecordId() {
        String id = "ABCXYZ-abcxyz_0123456789.:-";

        assertThat(Rows.valid().with(Column.RECORD_ID, id).claim().recordId()).isEqualTo(id);
    }

    @Test
    void shouldAcceptARecordIdOf100CharactersAndRejectOneOf101() {
        String hundred = "a".repeat(100);

        assertThat(Rows.valid().with(Column.RECORD_ID, hundred).claim().recordId()).isEqualTo(hundred);
        rejected(Rows.valid().with(Column.RECORD_ID, hundred + "b"), Column.RECORD_ID);
    }

    // ---- dates -----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reported_on | 2025-4-30", "reported_on | 30/04/2025", "reported_on | 2025/04/30", "reported_on | 20250430",
            "reported_on | 2025-04-30T00:00", "reported_on | April 30, 2025", "reported_on | 25-04-30",
            "reported_on | 02025-04-30", "reported_on | 2025-04-3O", "reported_on | '2025-04-30 12:00'",
            "as_of | 2025-3-31", "as_of | 31.03.2025", "as_of | 2025-03-31Z",
            "window_start | 2025-1-1", "window_start | 2025-01", "window_start | 1 January 2025"})
    void shouldRejectADateNotWrittenYyyyMmDd(String columnName, String text) {
        Column column = Column.fromHeader(columnName).orElseThrow();
        Rows rows = incrementRow().with(column, text);

        Rejection rejection = rejected(rows, column);

        assertThat(rejection.reason()).contains("YYYY-MM-DD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reported_on | 2025-02-30", "reported_on | 2025-02-29", "reported_on | 2025-13-01",
            "reported_on | 2025-04-31", "reported_on | 2025-00-10", "reported_on | 2025-01-00",
            "as_of | 2025-02-30", "window_start | 2023-02-29"})
    void shouldRejectADateThatIsNotInTheCalendar(String columnName, String text) {
        Column column = Column.fromHeader(columnName).orElseThrow();

        Rejection rejection = rejected(incrementRow().with(column, text), column);

        assertThat(rejection.reason()).contains("calendar");
    }

    @Test
    void shouldAcceptALeapDay() {
        Claim claim = Rows.valid().with(Column.REPORTED_ON, "2024-02-29").claim();

        assertThat(claim.reportedOn()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void shouldRejectAReportedOnAfterTodayButAcceptToday() {
        Rejection tomorrow = rejected(Rows.valid().with(Column.REPORTED_ON, "2025-05-06"), Column.REPORTED_ON);

        assertThat(tomorrow.reason()).contains("2025-05-06").contains("2025-05-05");
        assertThat(Rows.valid().with(Column.REPORTED_ON, "2025-05-05").claim().reportedOn()).isEqualTo(Rows.TODAY);
    }

    @Test
    void shouldUseTheDayGivenToTheParserAsToday() {
        InputRow row = Rows.valid().with(Column.REPORTED_ON, "2025-05-06").row();

        assertThat(new ClaimParser(LocalDate.of(2025, 5, 6)).parse(row).claim()).isNotNull();
        assertThat(new ClaimParser(LocalDate.of(2025, 5, 5)).parse(row).rejection()).isNotNull();
    }

    @Test
    void shouldTakeAnEmptyAsOfForReportedOn() {
        Claim claim = Rows.valid().with(Column.REPORTED_ON, "2025-04-29").with(Column.AS_OF, " ").claim();

        assertThat(claim.asOf()).isEqualTo(LocalDate.of(2025, 4, 29));
    }

    @Test
    void shouldRejectAnAsOfAfterReportedOn() {
        Rejection rejection = rejected(Rows.valid().with(Column.AS_OF, "2025-05-01"), Column.AS_OF);

        assertThat(rejection.reason()).contains("2025-05-01").contains("2025-04-30");
        assertThat(Rows.valid().with(Column.AS_OF, "2025-04-30").claim().asOf()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(Rows.valid().with(Column.AS_OF, "2024-12-31").claim().asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    // ---- vocabulary ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "deployed | DEPLOYED", "Reinforcements | REINFORCEMENTS", "KILLED | KILLED", "wounded | WOUNDED",
            "Captured | CAPTURED", "missing | MISSING", "CaSuAlTiEs | CASUALTIES", "repatriated | REPATRIATED",
            "Labourers | LABOURERS"})
    void shouldAcceptEveryMetricIgnoringCase(String text, Metric expected) {
        assertThat(Rows.valid().with(Column.METRIC, text).claim().metric()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kills", "dead", "casualty", "laborers", "killed,wounded", "killed wounded"})
    void shouldRejectAnUnknownMetric(String text) {
        Rejection rejection = rejected(Rows.valid().with(Column.METRIC, text), Column.METRIC);

        assertThat(rejection.reason()).contains(text).contains("deployed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "exact | EXACT", "About | ABOUT", "NEARLY | NEARLY", "at_least | AT_LEAST", "at least | AT_LEAST",
            "At Least | AT_LEAST", "more_than | MORE_THAN", "More Than | MORE_THAN", "at most | AT_MOST",
            "AT_MOST | AT_MOST", "up to | UP_TO", "Up_To | UP_TO"})
    void shouldAcceptEveryQualifierIgnoringCaseWithASpaceForTheUnderscore(String text, Qualifier expected) {
        assertThat(Rows.valid().with(Column.QUALIFIER, text).claim().qualifier()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approximately", "~", "at-least", "over", "more"})
    void shouldRejectAnUnknownQualifier(String text) {
        rejected(Rows.valid().with(Column.QUALIFIER, text), Column.QUALIFIER);
    }

    @Test
    void shouldAcceptBothBasesIgnoringCase() {
        assertThat(Rows.valid().with(Column.BASIS, "CUMULATIVE").claim().basis()).isEqualTo(Basis.CUMULATIVE);
        assertThat(incrementRow().with(Column.BASIS, "Increment").claim().basis()).isEqualTo(Basis.INCREMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"total", "incremental", "delta", "stock"})
    void shouldRejectAnUnknownBasis(String text) {
        rejected(Rows.valid().with(Column.BASIS, text), Column.BASIS);
    }

    // ---- whole numbers ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4700 | 4700", "'4,700' | 4700", "4 700 | 4700", "0 | 0", "600 | 600", "'1,000,000' | 1000000",
            "1 000 000 | 1000000", "'12,000' | 12000", "999 | 999", "123456789 | 123456789"})
    void shouldAcceptAWholeNumberGroupedInThrees(String text, long expected) {
        Claim claim = Rows.valid().with(Column.VALUE_LOW, text).with(Column.VALUE_HIGH, text).claim();

        assertThat(claim.valueLow()).isEqualTo(expected);
        assertThat(claim.valueHigh()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"47,00", "4.7k", "12.5", "+5", "10,000-12,000", "10000-12000", "4,7000", "1,0000",
            "4,700 000", "4  700", "4,700.", "4.700", "four", "1e3", "0x10", "4_700", "4, 700", "4700 troops",
            "~600", "600+"})
    void shouldRejectWhatIsNotAWholeNumber(String text) {
        Rejection low = rejected(Rows.valid().with(Column.VALUE_LOW, text), Column.VALUE_LOW);
        Rejection high = rejected(Rows.valid().with(Column.VALUE_LOW, "0").with(Column.VALUE_HIGH, text), Column.VALUE_HIGH);

        assertThat(low.reason()).contains("not a whole number");
        assertThat(high.reason()).contains("not a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-4,700", "-4 700", "-0"})
    void shouldRejectANegativeNumberAsNegative(String text) {
        Rejection low = rejected(Rows.valid().with(Column.VALUE_LOW, text), Column.VALUE_LOW);
        Rejection high = rejected(Rows.valid().with(Column.VALUE_HIGH, text), Column.VALUE_HIGH);

        assertThat(low.reason()).contains("negative");
        assertThat(high.reason()).contains("negative");
    }

    @Test
    void shouldRejectAValueHighBelowValueLow() {
        Rejection rejection = rejected(Rows.valid().with(Column.VALUE_LOW, "12,000").with(Column.VALUE_HIGH, "10,000"),
                Column.VALUE_HIGH);

        assertThat(rejection.reason()).contains("12000").contains("10000");
    }

    @Test
    void shouldTakeAnEmptyValueHighForAPointFigureAndAcceptAnEqualOne() {
        assertThat(Rows.valid().with(Column.VALUE_LOW, "4,700").claim().valueHigh()).isEqualTo(4700);
        assertThat(Rows.valid().with(Column.VALUE_LOW, "4,700").with(Column.VALUE_HIGH, "4700").claim().valueHigh())
                .isEqualTo(4700);
    }

    // ---- increments and windows ------------------------------------------------------------

    @Test
    void shouldAcceptAnIncrementWithItsWindow() {
        Claim claim = incrementRow().claim();

        assertThat(claim.basis()).isEqualTo(Basis.INCREMENT);
        assertThat(claim.windowStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(claim.asOf()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void shouldRejectAnIncrementWithoutWindowStart() {
        rejected(incrementRow().with(Column.WINDOW_START, ""), Column.WINDOW_START);
        rejected(incrementRow().without(Column.WINDOW_START), Column.WINDOW_START);
    }

    @Test
    void shouldRejectAWindowStartOnACumulativeRecord() {
        rejected(Rows.valid().with(Column.BASIS, "cumulative").with(Column.WINDOW_START, "2025-01-01"), Column.WINDOW_START);
        rejected(Rows.valid().with(Column.WINDOW_START, "2025-01-01"), Column.WINDOW_START);
    }

    @Test
    void shouldRejectAWindowStartAfterAsOf() {
        Rejection rejection = rejected(incrementRow().with(Column.WINDOW_START, "2025-04-01"), Column.WINDOW_START);

        assertThat(rejection.reason()).contains("2025-04-01").contains("2025-03-31");
        assertThat(incrementRow().with(Column.WINDOW_START, "2025-03-31").claim().windowStart())
                .isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void shouldCompareWindowStartWithReportedOnWhenAsOfIsEmpty() {
        Rows rows = incrementRow().with(Column.AS_OF, "").with(Column.WINDOW_START, "2025-04-30");
        assertThat(rows.claim().windowStart()).isEqualTo(LocalDate.of(2025, 4, 30));

        rejected(incrementRow().with(Column.AS_OF, "").with(Column.WINDOW_START, "2025-05-01"), Column.WINDOW_START);
    }

    // ---- trimming --------------------------------------------------------------------------

    @Test
    void shouldTrimEveryValueBeforeCheckingOrUsingIt() {
        // given: every value of a full row, padded with spaces and tabs
        Rows plain = fullRow();
        Rows padded = fullRow();
        for (Column column : Column.values()) {
            padded.with(column, " \t " + plain.row().value(column) + "  \t");
        }

        // when
        Claim claim = padded.claim();

        // then
        assertThat(claim).isEqualTo(plain.claim());
        assertThat(claim.source()).isEqualTo("NIS (South Korea)");
        assertThat(claim.note()).isEqualTo("a note");
    }

    @Test
    void shouldTreatAnOptionalValueOfOnlySpacesAsEmpty() {
        Rows rows = Rows.valid();
        for (Column column : Column.values()) {
            if (!column.required()) {
                rows.with(column, "   ");
            }
        }

        assertThat(rows.claim()).isEqualTo(Rows.valid().claim());
    }

    @Test
    void shouldKeepTheCaseOfSourceAndSubject() {
        Claim claim = Rows.valid().with(Column.SOURCE, "nis (south korea)").with(Column.SUBJECT, "DPRK Forces").claim();

        assertThat(claim.source()).isEqualTo("nis (south korea)");
        assertThat(claim.subject()).isEqualTo("DPRK Forces");
    }

    @Test
    void shouldRejectTheSourceAllWhichNamesTheRangeAcrossSources() {
        // changes.csv has a row with source ALL for every subject and metric: a source of that name would vanish in it
        Rejection rejection = rejected(Rows.valid().with(Column.SOURCE, " ALL "), Column.SOURCE);

        assertThat(rejection.reason()).contains("ALL");
        assertThat(Rows.valid().with(Column.SOURCE, "All").claim().source()).isEqualTo("All");
    }

    // ---- one rejection, for the first fault ------------------------------------------------

    static Stream<Arguments> rowsWithTwoFaults() {
        return Stream.of(
                Arguments.of(Rows.valid().with(Column.RECORD_ID, "bad id").with(Column.REPORTED_ON, "yesterday"), Column.RECORD_ID),
                Arguments.of(Rows.valid().with(Column.REPORTED_ON, "2025-02-30").with(Column.SOURCE, ""), Column.REPORTED_ON),
                Arguments.of(Rows.valid().with(Column.SOURCE, "").with(Column.SUBJECT, ""), Column.SOURCE),
                Arguments.of(Rows.valid().with(Column.METRIC, "kills").with(Column.VALUE_LOW, "4.7k"), Column.METRIC),
                Arguments.of(Rows.valid().with(Column.VALUE_LOW, "-5").with(Column.VALUE_HIGH, "x"), Column.VALUE_LOW),
                Arguments.of(Rows.valid().with(Column.VALUE_HIGH, "5").with(Column.QUALIFIER, "approx"), Column.VALUE_HIGH),
                Arguments.of(Rows.valid().with(Column.QUALIFIER, "approx").with(Column.BASIS, "total"), Column.QUALIFIER),
                Arguments.of(Rows.valid().with(Column.BASIS, "total").with(Column.AS_OF, "2025-05-01"), Column.BASIS),
                Arguments.of(Rows.valid().with(Column.AS_OF, "2025-05-01").with(Column.WINDOW_START, "2025-01-01"), Column.AS_OF),
                Arguments.of(Rows.valid().with(Column.REPORTED_ON, "2025-05-06").with(Column.AS_OF, "2025-05-07"), Column.REPORTED_ON),
                Arguments.of(incrementRow().with(Column.VALUE_LOW, "").with(Column.WINDOW_START, ""), Column.VALUE_LOW));
    }

    @ParameterizedTest
    @MethodSource("rowsWithTwoFaults")
    void shouldRejectARowOnceForItsFirstFaultInColumnOrder(Rows rows, Column first) {
        rejected(rows, first);
    }

    @Test
    void shouldRejectAValueOfMoreThan10000CharactersNamingItsColumn() {
        Rejection rejection = rejected(Rows.valid().with(Column.CITATION, "x".repeat(10_001)), Column.CITATION);

        assertThat(rejection.reason()).contains("longer than 10,000 characters");
        assertThat(Rows.valid().with(Column.CITATION, "x".repeat(10_000)).claim().citation()).hasSize(10_000);
    }

    @Test
    void shouldWriteReasonsTheSameWhateverTheDefaultLocale() {
        Locale locale = Locale.getDefault();
        try {
            for (String tag : new String[] {"ar-SA", "de-DE"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                Rejection rejection = rejected(Rows.valid().with(Column.NOTE, "x".repeat(10_001)), Column.NOTE);
                assertThat(rejection.reason()).as(tag).isEqualTo("The value of note is longer than 10,000 characters.");
            }
        } finally {
            Locale.setDefault(locale);
        }
    }

    @Test
    void shouldReportAnEarlierColumnFirstEvenWhenALaterValueIsTooLong() {
        Rows rows = Rows.valid().with(Column.RECORD_ID, "bad id").with(Column.NOTE, "x".repeat(10_001));

        rejected(rows, Column.RECORD_ID);
    }

    @Test
    void shouldCheckTheLengthOfAValueAfterTrimmingIt() {
        Rows rows = Rows.valid().with(Column.NOTE, " " + "x".repeat(10_000) + " ");

        assertThat(rows.claim().note()).hasSize(10_000);
    }

    @Test
    void shouldNameTheFileLineAndRecordIdAsWrittenInARejection() {
        Rejection rejection = rejected(Rows.valid().with(Column.RECORD_ID, "r-42").with(Column.METRIC, "kills")
                .at("claims-2025-05.csv", 17), Column.METRIC);

        assertThat(rejection.file()).isEqualTo("claims-2025-05.csv");
        assertThat(rejection.line()).isEqualTo(17);
        assertThat(rejection.recordId()).isEqualTo("r-42");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A valid increment: reinforcements 3,000 in the window 2025-01-01..2025-03-31. */
    private static Rows incrementRow() {
        return Rows.valid().with(Column.METRIC, "reinforcements").with(Column.VALUE_LOW, "3,000")
                .with(Column.BASIS, "increment").with(Column.AS_OF, "2025-03-31").with(Column.WINDOW_START, "2025-01-01");
    }

    /** A valid increment with every column filled. */
    private static Rows fullRow() {
        return incrementRow().with(Column.CONDUIT, "an MP").with(Column.VALUE_HIGH, "4 000")
                .with(Column.QUALIFIER, "at least").with(Column.CITATION, "https://example.org/a")
                .with(Column.SUPERSEDES, "r0").with(Column.NOTE, "a note");
    }

    /** Asserts the row is rejected on exactly that column, with its file and line, and returns the rejection. */
    private static Rejection rejected(Rows rows, Column column) {
        InputRow row = rows.row();
        ClaimParser.Outcome outcome = new ClaimParser(Rows.TODAY).parse(row);
        assertThat(outcome.claim()).as("claim of a row that should be rejected").isNull();
        Rejection rejection = outcome.rejection();
        assertThat(rejection).isNotNull();
        assertThat(rejection.column()).as("column of: %s", rejection.reason()).isEqualTo(column.header());
        assertThat(rejection.file()).isEqualTo(row.file());
        assertThat(rejection.line()).isEqualTo(row.line());
        assertThat(rejection.recordId()).isEqualTo(row.rawRecordId());
        assertThat(rejection.reason()).isNotBlank();
        return rejection;
    }
}
