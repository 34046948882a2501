-- Grading aggregates (V50-V59: grading and publishing).

-- Per system, market and game date: accuracy of the predictions and results of the picks.
CREATE TABLE system_daily_performance (
    game_date       DATE NOT NULL,
    system_id       VARCHAR NOT NULL,
    market          VARCHAR NOT NULL,
    predictions     INTEGER NOT NULL,     -- graded (not void), one per player-game (latest line)
    mae             DOUBLE PRECISION,
    bias            DOUBLE PRECISION,     -- mean of predicted minus actual
    line_mae        DOUBLE PRECISION,     -- the books' line vs actual, same player-games
    picks           INTEGER NOT NULL,     -- OVER/UNDER recommendations graded WIN/LOSS/PUSH
    wins            INTEGER NOT NULL,
    losses          INTEGER NOT NULL,
    pushes          INTEGER NOT NULL,
    profit_units    DOUBLE PRECISION NOT NULL,
    avg_clv         DOUBLE PRECISION,
    voids           INTEGER NOT NULL,
    PRIMARY KEY (game_date, system_id, market)
);

-- Every export written: what, for which date, when, how many items (the status file and the dashboard read it).
CREATE TABLE export_log (
    path            VARCHAR NOT NULL,
    partition_date  DATE NOT NULL,
    generated_at    TIMESTAMP NOT NULL,
    data_as_of      TIMESTAMP,
    items           INTEGER NOT NULL,
    status          VARCHAR NOT NULL,     -- fresh, incomplete, withheld
    note            VARCHAR,
    PRIMARY KEY (path, partition_date)
);
