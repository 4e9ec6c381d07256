/** The Excel workbook of a briefing: summary with native charts, trend, changes, records and rejected rows. */
package briefing.report.excel;
