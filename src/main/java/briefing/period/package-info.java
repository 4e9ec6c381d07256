/** Period labels (ISO week, month, quarter) and their arithmetic. */
package briefing.period;
