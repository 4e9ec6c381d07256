/** Series values at the end of a period and their period-over-period change: plain Java, no I/O. */
package briefing.change;
