/** Work on threads of their own, for the features that overlap reading, computing and writing. */
package briefing.thread;
