-- The records ledger: one row per accepted claim, never updated or deleted.
CREATE TABLE claim (
    record_id       VARCHAR(100)   NOT NULL PRIMARY KEY,
    reported_on     DATE           NOT NULL,
    source          VARCHAR(10000) NOT NULL,
    conduit         VARCHAR(10000),
    subject         VARCHAR(10000) NOT NULL,
    metric          VARCHAR(20)    NOT NULL,
    value_low       BIGINT         NOT NULL,
    value_high      BIGINT         NOT NULL,
    qualifier       VARCHAR(20)    NOT NULL,
    basis           VARCHAR(20)    NOT NULL,
    as_of           DATE           NOT NULL,
    window_start    DATE,
    citation        VARCHAR(10000),
    supersedes      VARCHAR(100),
    note            VARCHAR(10000),
    content_hash    CHAR(64)       NOT NULL,
    input_file      VARCHAR(1000)  NOT NULL,
    input_line      BIGINT         NOT NULL,
    ingested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    job_instance_id BIGINT         NOT NULL
);

CREATE INDEX claim_ingested_at ON claim (ingested_at);

-- The basis of each series, so the one-basis rule needs no scan of the ledger.
CREATE TABLE claim_series (
    series_hash CHAR(64)       NOT NULL PRIMARY KEY,
    subject     VARCHAR(10000) NOT NULL,
    metric      VARCHAR(20)    NOT NULL,
    source      VARCHAR(10000) NOT NULL,
    basis       VARCHAR(20)    NOT NULL
);

-- Input rows rejected by a run (job instance), for its rejected.csv and data-quality notice.
CREATE TABLE rejection (
    job_instance_id BIGINT         NOT NULL,
    input_file      VARCHAR(1000)  NOT NULL,
    input_line      BIGINT         NOT NULL,
    record_id       VARCHAR(10001) NOT NULL,
    column_name     VARCHAR(20)    NOT NULL,
    reason          VARCHAR(20000) NOT NULL
);

CREATE INDEX rejection_by_instance ON rejection (job_instance_id);
