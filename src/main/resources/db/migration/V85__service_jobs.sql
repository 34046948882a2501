-- Operations (V85: issue 18). Long actions started through the service (re-run, backfill, force-predictions,
-- self-heal, and CLI commands a user ran while the service held the warehouse): what was asked, by whom, its
-- progress and how it ended, kept so that a restarted service still shows them. A job left QUEUED or RUNNING by a
-- process that stopped is closed as ABANDONED when the next one starts.
CREATE TABLE service_job (
    job_id          VARCHAR NOT NULL PRIMARY KEY,
    kind            VARCHAR NOT NULL,     -- rerun, backfill, force-predictions, trigger-self-heal, cli
    params          VARCHAR,              -- JSON of the request's parameters (secrets masked)
    who             VARCHAR NOT NULL,     -- key:<fingerprint>, as in audit_log
    state           VARCHAR NOT NULL,     -- QUEUED, RUNNING, SUCCEEDED, FINISHED_WITH_PROBLEMS, FAILED, ABANDONED
    node            VARCHAR NOT NULL,     -- the process that took it
    created_at      TIMESTAMP NOT NULL,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    done            INTEGER NOT NULL,     -- progress: units done of total (dates of a backfill, assets of a run)
    total           INTEGER NOT NULL,
    unit            VARCHAR NOT NULL,
    last_item       VARCHAR,
    counts          VARCHAR,              -- JSON: outcomes by run status
    problems        VARCHAR,              -- JSON: the first problems, one line each
    result          VARCHAR,              -- JSON: what the action answered when it finished
    error           VARCHAR               -- why it failed (secrets masked)
);
CREATE INDEX service_job_created ON service_job (created_at);
