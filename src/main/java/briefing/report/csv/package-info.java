/** The machine-readable outputs: {@code changes.csv} and {@code rejected.csv}. */
package briefing.report.csv;
