-- Every input file a run read to its end, in reading order, with its size, SHA-256 and rows: what the
-- run's manifest lists, and how a later run that meets the same file (same name, size and content) knows
-- that every row of it is in the ledger but those the run rejected, the only ones it checks again.
-- It replaces input_file (one row per content, whichever run met it first).
CREATE TABLE input_read (
    job_instance_id BIGINT        NOT NULL,
    file_index      INTEGER       NOT NULL,
    file_name       VARCHAR(1000) NOT NULL,
    bytes           BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    data_rows       BIGINT        NOT NULL,
    PRIMARY KEY (job_instance_id, file_index)
);

CREATE INDEX input_read_by_content ON input_read (file_name, sha256);

DROP TABLE input_file;

-- The computation reads claim_block; the claim table's index by ingestion time only slowed its inserts.
DROP INDEX claim_ingested_at;
