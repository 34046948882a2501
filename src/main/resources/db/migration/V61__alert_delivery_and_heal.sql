-- Operations (V61-V64 belong to the ops-alerts part).
-- The alert outbox: one row per (alert, destination). A delivery that fails stays here with its error and
-- is retried with backoff by the periodic pass; after the configured attempts it is FAILED (and logged).
CREATE TABLE alert_delivery (
    delivery_id     VARCHAR NOT NULL PRIMARY KEY,
    alert_id        VARCHAR NOT NULL,
    destination     VARCHAR NOT NULL,     -- log, email, webhook
    status          VARCHAR NOT NULL,     -- PENDING, SENDING, SENT, FAILED
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error      VARCHAR,              -- secrets masked
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    claimed_by      VARCHAR,              -- the node sending it (two nodes never send the same row)
    claimed_at      TIMESTAMP
);
CREATE INDEX alert_delivery_due ON alert_delivery (status, next_attempt_at);
CREATE INDEX alert_delivery_sent ON alert_delivery (destination, sent_at);

-- Self-heal bookkeeping: how many times a partition was re-run by self-heal since its last success.
-- Persisted so the bound holds across restarts and nodes; cleared when the partition succeeds.
CREATE TABLE heal_attempt (
    asset           VARCHAR NOT NULL,
    partition_date  DATE NOT NULL,
    attempts        INTEGER NOT NULL,
    last_attempt_at TIMESTAMP NOT NULL,
    last_reason     VARCHAR,              -- missing, stale, stuck
    last_result     VARCHAR,
    gave_up_at      TIMESTAMP,
    PRIMARY KEY (asset, partition_date)
);

-- The daily plan's jobs that have been started: one row per planned job (e.g. 2025-01-05/pretip), written by
-- the node that runs it, so the plan never hands the same job to the scheduler twice.
CREATE TABLE ops_job_run (
    job_id          VARCHAR NOT NULL PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    partition_date  DATE NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    status          VARCHAR NOT NULL,     -- RUNNING, SUCCESS, FAILED
    node            VARCHAR NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP,
    result          VARCHAR
);
