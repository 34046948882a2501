-- Operations (V60-V69). Alerts: one row per open problem; repeats inside the de-duplication window
-- bump occurrences and last_at instead of adding rows (and instead of sending more messages).
CREATE TABLE alert (
    alert_id        VARCHAR NOT NULL PRIMARY KEY,
    alert_key       VARCHAR NOT NULL,     -- what makes two alerts "the same", e.g. run_failed:feature_store:2025-01-05
    severity        VARCHAR NOT NULL,     -- INFO, WARNING, CRITICAL
    kind            VARCHAR NOT NULL,     -- run_failed, timeout_warning, dead_letter, missing_data, stale_export, quota, ...
    title           VARCHAR NOT NULL,
    detail          VARCHAR,
    first_at        TIMESTAMP NOT NULL,
    last_at         TIMESTAMP NOT NULL,
    occurrences     INTEGER NOT NULL,
    status          VARCHAR NOT NULL,     -- OPEN, ACKED
    acked_by        VARCHAR,
    acked_at        TIMESTAMP
);
CREATE INDEX alert_key_idx ON alert (alert_key, status);
