package briefing.ledger;

/**
 * What tells one state of the ledger from another. The ledger only grows, a block at a time, each block
 * numbered after the last: the same ledger ({@link LedgerRepository#identity()}) with the same last block,
 * number of blocks and number of claims holds the same claims.
 */
public record LedgerState(String identity, long lastBlock, long blocks, long claims) {
}
