-- Operations (V65-V69: the HTTP service). Every write action attempted through the service, allowed or not:
-- who (an API-key fingerprint, never the key), what, with which parameters, when, and how it ended.
CREATE TABLE audit_log (
    audit_id        VARCHAR NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP NOT NULL,
    who             VARCHAR NOT NULL,     -- key:<first 12 hex of sha256(key)>, invalid-key:<same of the wrong key>, anonymous
    action          VARCHAR NOT NULL,     -- rerun, backfill, force-predictions, trigger-self-heal, retry-dead-letters, ack-alert
    params          VARCHAR,              -- the request body as received (bounded), secrets masked
    status_code     INTEGER NOT NULL,     -- the HTTP status answered
    result          VARCHAR,              -- a one-line outcome or the refusal reason
    remote          VARCHAR               -- the client address
);
CREATE INDEX audit_log_at ON audit_log (occurred_at);
