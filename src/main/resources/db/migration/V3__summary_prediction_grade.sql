-- Phase 3 player table, phase 5 predictions and phase 5b grades (first versions; later migrations extend them).

CREATE TABLE player_game_summary (
    game_key        VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    game_date       DATE NOT NULL,
    player_name     VARCHAR NOT NULL,
    player_id       BIGINT,                -- the winning source's id
    team            VARCHAR NOT NULL,
    opponent        VARCHAR NOT NULL,
    is_home         BOOLEAN NOT NULL,
    played          BOOLEAN NOT NULL,
    dnp_reason      VARCHAR,               -- when not played: DNP-CD, inactive, injury... as the source gives it
    starter         BOOLEAN,
    starter_inferred BOOLEAN,              -- true when no source said; the five most-played of the team
    minutes         DOUBLE PRECISION,
    pts             INTEGER,
    reb             INTEGER,
    ast             INTEGER,
    fg3m            INTEGER,
    fgm             INTEGER,
    fga             INTEGER,
    fg3a            INTEGER,
    ftm             INTEGER,
    fta             INTEGER,
    oreb            INTEGER,
    dreb            INTEGER,
    stl             INTEGER,
    blk             INTEGER,
    tov             INTEGER,
    pf              INTEGER,
    usage_rate      DOUBLE PRECISION,      -- share of team plays used while on the floor, in %
    points_line_close DOUBLE PRECISION,    -- the consensus closing points line, when there was one
    source          VARCHAR NOT NULL,      -- which source's row won
    sources_seen    VARCHAR,               -- every source that had the player-game, comma-separated
    PRIMARY KEY (game_key, player_lookup)
);
CREATE INDEX player_game_summary_date ON player_game_summary (game_date);
CREATE INDEX player_game_summary_player ON player_game_summary (player_lookup, game_date);

-- One prediction per (game, player, market, system, line snapshot): re-runs and duplicate work never add rows.
-- line_key is 'book@snapshot-instant' for a real line and 'no-line' when none was usable.
CREATE TABLE prediction (
    game_key        VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    market          VARCHAR NOT NULL,      -- points, rebounds, assists, threes, pra
    system_id       VARCHAR NOT NULL,
    line_key        VARCHAR NOT NULL,
    game_date       DATE NOT NULL,
    player_name     VARCHAR NOT NULL,
    team            VARCHAR NOT NULL,
    opponent        VARCHAR NOT NULL,
    system_version  VARCHAR NOT NULL,
    predicted       DOUBLE PRECISION NOT NULL,
    line_value      DOUBLE PRECISION,
    line_book       VARCHAR,
    line_snapshot_at TIMESTAMP,
    over_price      INTEGER,
    under_price     INTEGER,
    recommendation  VARCHAR NOT NULL,      -- OVER, UNDER, PASS
    reason          VARCHAR,
    created_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (game_key, player_lookup, market, system_id, line_key)
);
CREATE INDEX prediction_date ON prediction (game_date);

CREATE TABLE prediction_grade (
    game_key        VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    market          VARCHAR NOT NULL,
    system_id       VARCHAR NOT NULL,
    line_key        VARCHAR NOT NULL,
    game_date       DATE NOT NULL,
    predicted       DOUBLE PRECISION NOT NULL,
    actual          DOUBLE PRECISION,
    abs_error       DOUBLE PRECISION,
    signed_error    DOUBLE PRECISION,
    line_value      DOUBLE PRECISION,
    recommendation  VARCHAR NOT NULL,
    result          VARCHAR NOT NULL,      -- WIN, LOSS, PUSH, VOID, NO_PICK
    void_reason     VARCHAR,
    graded_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (game_key, player_lookup, market, system_id, line_key)
);
CREATE INDEX prediction_grade_date ON prediction_grade (game_date);
