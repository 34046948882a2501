-- Phase 3 context of upcoming games and phase 4 features.

-- For each player expected on a date: the game, rest and travel, injury status, lines.
CREATE TABLE upcoming_player_game_context (
    game_key            VARCHAR NOT NULL,
    player_lookup       VARCHAR NOT NULL,
    game_date           DATE NOT NULL,
    player_name         VARCHAR NOT NULL,
    team                VARCHAR NOT NULL,
    opponent            VARCHAR NOT NULL,
    is_home             BOOLEAN NOT NULL,
    tip_off             TIMESTAMP,
    last_game_date      DATE,                   -- the player's last game played
    days_rest           INTEGER,
    back_to_back        BOOLEAN NOT NULL,
    games_last_7d       INTEGER NOT NULL,
    travel_km           DOUBLE PRECISION,
    tz_crossed          INTEGER,
    injury_status       VARCHAR,                -- none, probable, questionable, doubtful, out (latest report before tip-off)
    injury_code         INTEGER NOT NULL,       -- 0 none .. 4 out
    injury_reason       VARCHAR,
    injury_reported_at  TIMESTAMP,
    teammates_out       INTEGER NOT NULL,
    teammates_out_usage DOUBLE PRECISION NOT NULL,
    line_current        DOUBLE PRECISION,       -- consensus (median over books) of each book's latest usable points line
    line_opening        DOUBLE PRECISION,       -- consensus of each book's first usable points line
    line_books          INTEGER NOT NULL,
    line_snapshot_at    TIMESTAMP,              -- the newest snapshot behind line_current
    spread              DOUBLE PRECISION,       -- the team's spread (negative = favourite)
    game_total          DOUBLE PRECISION,
    PRIMARY KEY (game_key, player_lookup)
);
CREATE INDEX upcoming_context_date ON upcoming_player_game_context (game_date);

-- Rolling form of each expected player as of a date (only games before it).
CREATE TABLE player_daily_cache (
    player_lookup       VARCHAR NOT NULL,
    cache_date          DATE NOT NULL,
    games_season        INTEGER NOT NULL,
    games_l10           INTEGER NOT NULL,
    last_game_date      DATE,
    pts_avg_l5          DOUBLE PRECISION,
    pts_avg_l10         DOUBLE PRECISION,
    pts_avg_season      DOUBLE PRECISION,
    pts_sd_l10          DOUBLE PRECISION,
    pts_ewm             DOUBLE PRECISION,
    min_avg_l5          DOUBLE PRECISION,
    min_avg_l10         DOUBLE PRECISION,
    min_avg_season      DOUBLE PRECISION,
    min_sd_l10          DOUBLE PRECISION,
    pts_per_min_l10     DOUBLE PRECISION,
    usage_l10           DOUBLE PRECISION,
    usage_season        DOUBLE PRECISION,
    ts_pct_l10          DOUBLE PRECISION,
    fga_per_min_l10     DOUBLE PRECISION,
    starter_share_l10   DOUBLE PRECISION,
    fg3a_share_l10      DOUBLE PRECISION,
    ft_rate_l10         DOUBLE PRECISION,
    fg3_pct_l10         DOUBLE PRECISION,
    reb_avg_l10         DOUBLE PRECISION,
    ast_avg_l10         DOUBLE PRECISION,
    fg3m_avg_l10        DOUBLE PRECISION,
    PRIMARY KEY (player_lookup, cache_date)
);

-- One versioned feature vector per player-game; columns are FeatureCatalog's, one to one (checked by a test).
CREATE TABLE feature_store (
    game_key            VARCHAR NOT NULL,
    player_lookup       VARCHAR NOT NULL,
    game_date           DATE NOT NULL,
    team                VARCHAR NOT NULL,
    opponent            VARCHAR NOT NULL,
    feature_version     VARCHAR NOT NULL,
    quality             DOUBLE PRECISION NOT NULL,   -- 0..1: how much history backed the vector
    history_games       INTEGER NOT NULL,
    pts_avg_l5                   DOUBLE PRECISION,
    pts_avg_l10                  DOUBLE PRECISION,
    pts_avg_season               DOUBLE PRECISION,
    pts_sd_l10                   DOUBLE PRECISION,
    pts_ewm                      DOUBLE PRECISION,
    pts_trend                    DOUBLE PRECISION,
    min_avg_l5                   DOUBLE PRECISION,
    min_avg_l10                  DOUBLE PRECISION,
    min_sd_l10                   DOUBLE PRECISION,
    pts_per_min_l10              DOUBLE PRECISION,
    usage_l10                    DOUBLE PRECISION,
    ts_pct_l10                   DOUBLE PRECISION,
    fga_per_min_l10              DOUBLE PRECISION,
    starter_share_l10            DOUBLE PRECISION,
    days_rest                    DOUBLE PRECISION,
    back_to_back                 DOUBLE PRECISION,
    games_last_7d                DOUBLE PRECISION,
    travel_km                    DOUBLE PRECISION,
    tz_crossed                   DOUBLE PRECISION,
    opp_def_rating_l10           DOUBLE PRECISION,
    opp_pace_l10                 DOUBLE PRECISION,
    opp_fg3a_rate_allowed_l10    DOUBLE PRECISION,
    opp_fta_rate_allowed_l10     DOUBLE PRECISION,
    opp_fg2_pct_allowed_l10      DOUBLE PRECISION,
    zone_mismatch                DOUBLE PRECISION,
    fg3a_share_l10               DOUBLE PRECISION,
    ft_rate_l10                  DOUBLE PRECISION,
    fg3_pct_l10                  DOUBLE PRECISION,
    is_home                      DOUBLE PRECISION,
    team_pace_l10                DOUBLE PRECISION,
    team_off_rating_l10          DOUBLE PRECISION,
    teammates_out                DOUBLE PRECISION,
    teammates_out_usage          DOUBLE PRECISION,
    injury_status                DOUBLE PRECISION,
    line_current                 DOUBLE PRECISION,
    line_opening                 DOUBLE PRECISION,
    line_move                    DOUBLE PRECISION,
    has_line                     DOUBLE PRECISION,
    spread                       DOUBLE PRECISION,
    game_total                   DOUBLE PRECISION,
    implied_team_total           DOUBLE PRECISION,
    vs_opp_pts_avg               DOUBLE PRECISION,
    vs_opp_games                 DOUBLE PRECISION,
    reb_avg_l10                  DOUBLE PRECISION,
    ast_avg_l10                  DOUBLE PRECISION,
    fg3m_avg_l10                 DOUBLE PRECISION,
    PRIMARY KEY (game_key, player_lookup)
);
CREATE INDEX feature_store_date ON feature_store (game_date);
