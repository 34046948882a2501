-- balldontlie raw tables beyond games and box scores (V2). Portable SQL: DuckDB and PostgreSQL.
-- Every row carries payload_id (the archived payload it came from); game_key = yyyyMMdd_AWY_HOM (US-Eastern date).

ALTER TABLE bdl_game ADD COLUMN game_key VARCHAR;
ALTER TABLE bdl_box_score_game ADD COLUMN game_key VARCHAR;
ALTER TABLE bdl_box_score_player ADD COLUMN game_key VARCHAR;

-- GET /v1/stats: one player's line in one game.
CREATE TABLE bdl_player_stat (
    game_id        BIGINT NOT NULL,
    player_id      BIGINT NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR,
    season         INTEGER,
    postseason     BOOLEAN,
    stat_id        BIGINT,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR NOT NULL,
    opponent       VARCHAR,
    is_home        BOOLEAN,
    minutes_text   VARCHAR,
    minutes        DOUBLE PRECISION,
    pts INTEGER, reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (game_id, player_id)
);
CREATE INDEX bdl_player_stat_date ON bdl_player_stat (game_date);

-- GET /v1/stats/advanced
CREATE TABLE bdl_advanced_stat (
    game_id        BIGINT NOT NULL,
    player_id      BIGINT NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR,
    stat_id        BIGINT,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR NOT NULL,
    is_home        BOOLEAN,
    pie DOUBLE PRECISION, pace DOUBLE PRECISION, assist_percentage DOUBLE PRECISION, assist_ratio DOUBLE PRECISION,
    assist_to_turnover DOUBLE PRECISION, defensive_rating DOUBLE PRECISION, defensive_rebound_percentage DOUBLE PRECISION,
    effective_field_goal_percentage DOUBLE PRECISION, net_rating DOUBLE PRECISION, offensive_rating DOUBLE PRECISION,
    offensive_rebound_percentage DOUBLE PRECISION, rebound_percentage DOUBLE PRECISION,
    true_shooting_percentage DOUBLE PRECISION, turnover_ratio DOUBLE PRECISION, usage_percentage DOUBLE PRECISION,
    payload_id     VARCHAR,
    PRIMARY KEY (game_id, player_id)
);

-- GET /v1/players, /v1/players/{id}, /v1/players/active
CREATE TABLE bdl_player (
    player_id      BIGINT PRIMARY KEY,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    first_name     VARCHAR,
    last_name      VARCHAR,
    position       VARCHAR,
    height         VARCHAR,
    weight         VARCHAR,
    jersey_number  VARCHAR,
    college        VARCHAR,
    country        VARCHAR,
    draft_year     INTEGER,
    draft_round    INTEGER,
    draft_number   INTEGER,
    team           VARCHAR,
    payload_id     VARCHAR
);
CREATE INDEX bdl_player_lookup ON bdl_player (player_lookup);

-- Who /v1/players/active listed on a date.
CREATE TABLE bdl_active_player (
    as_of_date     DATE NOT NULL,
    player_id      BIGINT NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR,
    payload_id     VARCHAR,
    PRIMARY KEY (as_of_date, player_id)
);

-- GET /v1/teams: current franchises have a tricode; defunct ones do not.
CREATE TABLE bdl_team (
    team_id        BIGINT PRIMARY KEY,
    abbreviation   VARCHAR,
    tricode        VARCHAR,
    is_current     BOOLEAN NOT NULL,
    city           VARCHAR,
    name           VARCHAR,
    full_name      VARCHAR,
    conference     VARCHAR,
    division       VARCHAR,
    payload_id     VARCHAR
);

-- GET /v1/player_injuries, as seen on a date.
CREATE TABLE bdl_injury (
    as_of_date       DATE NOT NULL,
    player_id        BIGINT NOT NULL,
    player_name      VARCHAR NOT NULL,
    player_lookup    VARCHAR NOT NULL,
    team             VARCHAR,
    status           VARCHAR NOT NULL,
    return_date_text VARCHAR,
    description      VARCHAR,
    payload_id       VARCHAR,
    PRIMARY KEY (as_of_date, player_id)
);

CREATE TABLE bdl_standing (
    season            BIGINT NOT NULL,
    team              VARCHAR NOT NULL,
    conference        VARCHAR,
    division          VARCHAR,
    wins              INTEGER,
    losses            INTEGER,
    conference_rank   INTEGER,
    division_rank     INTEGER,
    conference_record VARCHAR,
    division_record   VARCHAR,
    home_record       VARCHAR,
    road_record       VARCHAR,
    payload_id        VARCHAR,
    PRIMARY KEY (season, team)
);

-- GET /v1/leaders: stat_value is the per-game average.
CREATE TABLE bdl_leader (
    season         BIGINT NOT NULL,
    stat_type      VARCHAR NOT NULL,
    player_id      BIGINT NOT NULL,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR,
    stat_rank      INTEGER,
    stat_value     DOUBLE PRECISION,
    games_played   INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (season, stat_type, player_id)
);

-- GET /v1/season_averages/general: the common averages as columns, the whole stats object as JSON text.
CREATE TABLE bdl_season_average (
    season         BIGINT NOT NULL,
    season_type    VARCHAR NOT NULL,
    player_id      BIGINT NOT NULL,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    stat_gp INTEGER, stat_w INTEGER, stat_l INTEGER, stat_age INTEGER,
    stat_min DOUBLE PRECISION, stat_pts DOUBLE PRECISION, stat_reb DOUBLE PRECISION, stat_ast DOUBLE PRECISION,
    stat_stl DOUBLE PRECISION, stat_blk DOUBLE PRECISION, stat_tov DOUBLE PRECISION, stat_pf DOUBLE PRECISION,
    stat_fgm DOUBLE PRECISION, stat_fga DOUBLE PRECISION, stat_fg_pct DOUBLE PRECISION, stat_fg3m DOUBLE PRECISION,
    stat_fg3a DOUBLE PRECISION, stat_fg3_pct DOUBLE PRECISION, stat_ftm DOUBLE PRECISION, stat_fta DOUBLE PRECISION,
    stat_ft_pct DOUBLE PRECISION, stat_oreb DOUBLE PRECISION, stat_dreb DOUBLE PRECISION, stat_plus_minus DOUBLE PRECISION,
    stats_json     VARCHAR,
    payload_id     VARCHAR,
    PRIMARY KEY (season, season_type, player_id)
);

-- GET /v1/odds
CREATE TABLE bdl_game_odds (
    odds_id              BIGINT PRIMARY KEY,
    game_id              BIGINT NOT NULL,
    vendor               VARCHAR NOT NULL,
    spread_home_value    DOUBLE PRECISION,
    spread_away_value    DOUBLE PRECISION,
    total_value          DOUBLE PRECISION,
    spread_home_odds     INTEGER,
    spread_away_odds     INTEGER,
    moneyline_home_odds  INTEGER,
    moneyline_away_odds  INTEGER,
    total_over_odds      INTEGER,
    total_under_odds     INTEGER,
    updated_at           TIMESTAMP,
    payload_id           VARCHAR
);
