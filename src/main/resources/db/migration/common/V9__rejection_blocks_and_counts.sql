-- A run's rejections packed, one row per input file and chunk instead of one per rejected row: a million-row
-- input with 7,000 rejected rows took about 0.13 s of every run to store them one by one (with two indexes),
-- and as long again to read them back. Rows stored in the rejection table by earlier versions are still read.
CREATE TABLE rejection_block (
    job_instance_id BIGINT        NOT NULL,
    input_file      VARCHAR(1000) NOT NULL,
    first_line      BIGINT        NOT NULL,
    rejections      INTEGER       NOT NULL,
    data            BYTEA         NOT NULL
);

CREATE INDEX rejection_block_by_file ON rejection_block (job_instance_id, input_file, first_line);

-- The claims known at a cutoff, and the state of the ledger, counted from this index alone instead of by
-- reading every block (about 0.1 s for the first count of a run at a million records, where the index takes
-- 0.03 s); the first ingest and the last block are found in it at once.
CREATE INDEX claim_block_known ON claim_block (ingested_at, claims);
