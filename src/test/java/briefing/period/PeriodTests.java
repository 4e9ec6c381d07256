package briefing.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void shouldParseIsoWeekAsMondayToSunday() {
        Period week = Period.parse("2025-W18");

        assertThat(week.granularity()).isEqualTo(Granularity.WEEKLY);
        assertThat(week.start()).isEqualTo(LocalDate.of(2025, 4, 28));
        assertThat(week.end()).isEqualTo(LocalDate.of(2025, 5, 4));
    }

    @Test
    void shouldFollowWeek52WithWeek1OfTheNextWeekYear() {
        assertThat(Period.parse("2025-W01").previous().label()).isEqualTo("2024-W52");
        assertThat(Period.parse("2024-W52").next().label()).isEqualTo("2025-W01");
    }

    @Test
    void shouldPlaceDecember30th2024InWeek1Of2025() {
        Period week = Period.containing(LocalDate.of(2024, 12, 30), Granularity.WEEKLY);

        assertThat(week.label()).isEqualTo("2025-W01");
        assertThat(week.start()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(week.end()).isEqualTo(LocalDate.of(2025, 1, 5));
    }

    @Test
    void shouldKnowThat2020HasA53rdWeekAnd2025DoesNot() {
        Period w53 = Period.parse("2020-W53");

        assertThat(w53.start()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(w53.end()).isEqualTo(LocalDate.of(2021, 1, 3));
        assertThat(w53.next().label()).isEqualTo("2021-W01");
        assertThat(Period.parse("2021-W01").previous().label()).isEqualTo("2020-W53");
        assertThatThrownBy(() -> Period.parse("2025-W53")).hasMessageContaining("weeks 01 to 52");
    }

    @Test
    void shouldParseMonthsAndQuarters() {
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2025-01").previous().label()).isEqualTo("2024-12");
        Period q2 = Period.parse("2025-Q2");
        assertThat(q2.start()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(q2.end()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(Period.parse("2025-Q1").previous().label()).isEqualTo("2024-Q4");
    }

    @Test
    void shouldRejectLabelsThatAreNotPeriods() {
        for (String bad : new String[] {"2025-W00", "2025-13", "2025-Q5", "2025W18", "25-W18", "2025-w18", "", "2025-04-01"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid period");
        }
    }

    @Test
    void shouldDefaultToTheLastPeriodThatEndedBeforeToday() {
        // Monday 2025-05-05: last week (W18) ended yesterday
        assertThat(Period.lastEndedBefore(LocalDate.of(2025, 5, 5), Granularity.WEEKLY).label()).isEqualTo("2025-W18");
        // Sunday 2025-05-04: W18 has not ended yet
        assertThat(Period.lastEndedBefore(LocalDate.of(2025, 5, 4), Granularity.WEEKLY).label()).isEqualTo("2025-W17");
        assertThat(Period.lastEndedBefore(LocalDate.of(2025, 1, 1), Granularity.MONTHLY).label()).isEqualTo("2024-12");
        assertThat(Period.lastEndedBefore(LocalDate.of(2025, 7, 1), Granularity.QUARTERLY).label()).isEqualTo("2025-Q2");
    }

    @Test
    void shouldLabelPeriodsInAsciiDigitsWhateverTheDefaultLocale() {
        Locale locale = Locale.getDefault();
        try {
            // String.format would write the digits of these locales: ٢٠٢٥ and ۲۰۲۵
            for (String tag : new String[] {"ar-SA", "fa-IR"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertThat(Period.parse("2025-W18").label()).as(tag).isEqualTo("2025-W18");
                assertThat(Period.containing(LocalDate.of(2025, 4, 15), Granularity.MONTHLY).label()).as(tag).isEqualTo("2025-04");
                assertThat(Period.containing(LocalDate.of(2025, 4, 15), Granularity.QUARTERLY).label()).as(tag).isEqualTo("2025-Q2");
            }
        } finally {
            Locale.setDefault(locale);
        }
    }

    @Test
    void shouldLabelPeriodsOfEarlyYearsWithFourDigits() {
        assertThat(Period.containing(LocalDate.of(999, 1, 4), Granularity.WEEKLY).label()).isEqualTo("0999-W01");
        assertThat(Period.containing(LocalDate.of(45, 3, 1), Granularity.MONTHLY).label()).isEqualTo("0045-03");
        assertThat(Period.containing(LocalDate.of(7, 12, 31), Granularity.QUARTERLY).label()).isEqualTo("0007-Q4");
    }
}
