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
    feature_version VARCHAR,
    model_version   VARCHAR,               -- the trained artifact behind it (gradient-boosted and ensemble)
    predicted       DOUBLE PRECISION NOT NULL,
    line_value      DOUBLE PRECISION,      -- the exact line the pick is made against
    line_book       VARCHAR,
    line_snapshot_at TIMESTAMP,
    over_price      INTEGER,               -- American odds at that snapshot
    under_price     INTEGER,
    p_over_raw      DOUBLE PRECISION,      -- from the residual distribution, before calibration
    p_over          DOUBLE PRECISION,      -- calibrated
    p_under         DOUBLE PRECISION,
    p_push          DOUBLE PRECISION,
    edge            DOUBLE PRECISION,      -- predicted minus line
    recommendation  VARCHAR NOT NULL,      -- OVER, UNDER, PASS
    reason          VARCHAR,
    confidence      DOUBLE PRECISION,      -- calibrated probability of the recommended side
    expected_value  DOUBLE PRECISION,      -- per unit staked at the offered price
    kelly_stake     DOUBLE PRECISION,      -- fraction of bankroll (fractional Kelly)
    calibration_samples INTEGER,           -- graded picks the calibration was fitted on
    contributions   VARCHAR,               -- JSON: top feature contributions (gradient-boosted model)
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
    signed_error    DOUBLE PRECISION,      -- predicted minus actual (positive = too high)
    line_value      DOUBLE PRECISION,
    recommendation  VARCHAR NOT NULL,
    p_over_raw      DOUBLE PRECISION,
    confidence      DOUBLE PRECISION,
    result          VARCHAR NOT NULL,      -- WIN, LOSS, PUSH, VOID, NO_PICK
    went_over       BOOLEAN,               -- actual above the line (null: push, no line or void)
    price           INTEGER,               -- American odds of the recommended side
    profit_units    DOUBLE PRECISION,      -- per 1 unit staked; 0 for push and void
    closing_line    DOUBLE PRECISION,      -- same book's last line before tip-off
    closing_price   INTEGER,
    clv             DOUBLE PRECISION,      -- closing-line value in points, positive = beat the close
    void_reason     VARCHAR,
    graded_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (game_key, player_lookup, market, system_id, line_key)
);
CREATE INDEX prediction_grade_date ON prediction_grade (game_date);
