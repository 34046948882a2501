-- Engine bookkeeping and the raw archive index. Portable SQL: runs on DuckDB and PostgreSQL.
-- Migration numbering by area: V1-V9 foundation, V10-V19 sources, V20-V29 sandbox,
-- V30-V39 analytics/features, V40-V49 predictions, V50-V59 grading/publishing, V60-V69 ops, V70-V79 distributed.

-- Every attempt of every asset partition run.
CREATE TABLE run_history (
    run_id          VARCHAR PRIMARY KEY,
    asset           VARCHAR NOT NULL,
    partition_date  DATE NOT NULL,
    attempt         INTEGER NOT NULL,
    status          VARCHAR NOT NULL,      -- RUNNING, SUCCESS, FAILED, TIMED_OUT, ABANDONED
    trigger_source  VARCHAR NOT NULL,      -- cli, demo, backfill, schedule, self-heal, dashboard, api
    node            VARCHAR NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    heartbeat_at    TIMESTAMP,
    ended_at        TIMESTAMP,
    rows_written    BIGINT,
    duration_ms     BIGINT,                -- measured on the running process's monotonic clock
    message         VARCHAR,
    error_type      VARCHAR,
    error           VARCHAR                -- the cause chain, secrets masked
);
CREATE INDEX run_history_asset_partition ON run_history (asset, partition_date);
CREATE INDEX run_history_started ON run_history (started_at);

-- The current state of each asset partition: what the status grid and readiness checks read.
CREATE TABLE asset_partition (
    asset                 VARCHAR NOT NULL,
    partition_date        DATE NOT NULL,
    state                 VARCHAR NOT NULL,   -- RUNNING, SUCCESS, FAILED, TIMED_OUT, WAITING, ABANDONED
    reason                VARCHAR,
    last_run_id           VARCHAR,
    updated_at            TIMESTAMP NOT NULL,
    last_success_started  TIMESTAMP,
    last_success_ended    TIMESTAMP,
    last_rows_written     BIGINT,
    failures_since_success INTEGER NOT NULL,
    PRIMARY KEY (asset, partition_date)
);

-- Notable things that happened during runs: budget warnings, timeouts, retries, give-ups.
CREATE TABLE engine_event (
    event_id        VARCHAR PRIMARY KEY,
    occurred_at     TIMESTAMP NOT NULL,
    kind            VARCHAR NOT NULL,      -- BUDGET_WARNING, TIMEOUT, RETRY, FAILED, WAITING, ABANDONED
    asset           VARCHAR,
    partition_date  DATE,
    run_id          VARCHAR,
    message         VARCHAR NOT NULL
);
CREATE INDEX engine_event_occurred ON engine_event (occurred_at);

-- One row per archived payload; the bytes are gzip files under the archive folder.
CREATE TABLE raw_payload (
    payload_id      VARCHAR PRIMARY KEY,   -- sha256 of source|endpoint|params|fetched_at
    source          VARCHAR NOT NULL,
    endpoint        VARCHAR NOT NULL,
    params          VARCHAR NOT NULL,      -- JSON object, secrets masked
    url             VARCHAR NOT NULL,      -- secrets masked
    partition_date  DATE,
    fetched_at      TIMESTAMP NOT NULL,
    http_status     INTEGER NOT NULL,
    content_type    VARCHAR,
    sha256          VARCHAR NOT NULL,      -- of the body as received
    bytes           BIGINT NOT NULL,
    path            VARCHAR NOT NULL,      -- relative to the archive folder
    collection_id   VARCHAR                -- the collect run that fetched it
);
CREATE INDEX raw_payload_lookup ON raw_payload (source, endpoint, partition_date);
