/** The briefing model the renderers read, and presentation helpers they share. */
package briefing.report;
