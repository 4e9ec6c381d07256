/** The records ledger: reading and checking input claims, and storing them without ever changing one. */
package briefing.ledger;
