-- The packed blocks become the ledger of record: the claim table, one row per claim, cost most of a large
-- first run's time (a million rows take H2 some 19 s of CPU). Each block keeps, beside the computation's
-- data, the fingerprints of its record ids (briefing.ledger.IdIndex: which block holds an id) and the
-- texts and origins of its records (briefing.ledger.PackedTexts), each in a table of its own so that a
-- scan of one does not read the others. The rows of the claim table, in a ledger made before, are packed
-- into blocks and moved out of it at the first run (LedgerRepository.packLegacyClaims).
CREATE TABLE claim_block_ids (
    block_id   BIGINT NOT NULL PRIMARY KEY,
    record_ids BYTEA  NOT NULL
);

CREATE TABLE claim_block_texts (
    block_id BIGINT NOT NULL PRIMARY KEY,
    texts    BYTEA  NOT NULL
);
