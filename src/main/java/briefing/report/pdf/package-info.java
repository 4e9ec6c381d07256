/** The PDF briefing: page 1 bottom line up front, then trend charts, per-source figures, new claims and caveats. */
package briefing.report.pdf;
