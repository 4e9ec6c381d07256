-- Every input file a run read to its end, in reading order, with its size, SHA-256 and rows: what the
-- run's manifest lists, and how a later run that meets the same file (same name, size and content) knows
-- that every row of it is in the ledger but those the run rejected, the only ones it checks again (their
-- values are kept with the rejection, below).
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

-- The values of a rejected row as read (null for a row that could not be read as values at all).
ALTER TABLE rejection ADD COLUMN row_values VARCHAR(200000);

-- The computation reads claim_block; the claim table's index by ingestion time only slowed its inserts.
DROP INDEX claim_ingested_at;
