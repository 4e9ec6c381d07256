/** The auditors' {@code manifest.json}: parameters, cutoff, ids, counts and SHA-256 of every file. */
package briefing.report.manifest;
