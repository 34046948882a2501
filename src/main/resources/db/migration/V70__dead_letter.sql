-- Distributed mode (V70-V79). Work items the RabbitMQ dead-letter queue received: kept with their
-- message body so an operator can retry them (status DEAD -> RETRIED) from the dashboard or the CLI.
CREATE TABLE dead_letter (
    id              VARCHAR NOT NULL PRIMARY KEY,   -- the message id (a re-delivered dead letter upserts the same row)
    queue           VARCHAR NOT NULL,               -- the queue the item died in
    item_id         VARCHAR NOT NULL,               -- game_key|player_lookup|market
    batch_id        VARCHAR,
    reason          VARCHAR,                        -- the worker's error, or the broker's (delivery_limit, rejected, expired)
    deliveries      INTEGER NOT NULL,
    dead_at         TIMESTAMP NOT NULL,
    status          VARCHAR NOT NULL,               -- DEAD, RETRIED
    retried_at      TIMESTAMP,
    body            VARCHAR NOT NULL                -- the work message as published (JSON)
);
CREATE INDEX dead_letter_status_idx ON dead_letter (status, dead_at);
