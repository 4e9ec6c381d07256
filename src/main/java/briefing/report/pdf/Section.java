package briefing.report.pdf;

import briefing.report.Briefing;

/** One part of the briefing, added to the document in reading order. */
interface Section {

    void addTo(Layout layout, Briefing briefing);
}
