-- Input files read to their end, by name and content: a later run that meets the same file (same name,
-- size and SHA-256) knows that every row of it is in the ledger except those the run that recorded it
-- rejected, and checks only those again (their values are kept with the rejection, below).
CREATE TABLE input_file (
    file_name       VARCHAR(1000) NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    bytes           BIGINT        NOT NULL,
    data_rows       BIGINT        NOT NULL,
    job_instance_id BIGINT        NOT NULL,
    PRIMARY KEY (file_name, sha256)
);

-- The values of a rejected row as read (null for a row that could not be read as values at all).
ALTER TABLE rejection ADD COLUMN row_values VARCHAR(200000);
