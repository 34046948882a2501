-- balldontlie raw tables (phase 2) and the canonical schedule.

CREATE TABLE bdl_game (
    game_id        BIGINT PRIMARY KEY,
    game_date      DATE NOT NULL,
    season         INTEGER,
    status         VARCHAR,
    period         INTEGER,
    postseason     BOOLEAN,
    home_team      VARCHAR NOT NULL,
    away_team      VARCHAR NOT NULL,
    home_score     INTEGER,
    away_score     INTEGER,
    tip_off        TIMESTAMP,
    payload_id     VARCHAR
);
CREATE INDEX bdl_game_date ON bdl_game (game_date);

-- The game header of each box score (balldontlie's box scores carry no game id).
CREATE TABLE bdl_box_score_game (
    game_date      DATE NOT NULL,
    home_team      VARCHAR NOT NULL,
    away_team      VARCHAR NOT NULL,
    season         INTEGER,
    status         VARCHAR,
    period         INTEGER,
    home_score     INTEGER,
    away_score     INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (game_date, home_team)
);

CREATE TABLE bdl_box_score_player (
    game_date      DATE NOT NULL,
    player_id      BIGINT NOT NULL,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR NOT NULL,
    opponent       VARCHAR NOT NULL,
    is_home        BOOLEAN NOT NULL,
    position       VARCHAR,
    minutes_text   VARCHAR,
    minutes        DOUBLE PRECISION,
    pts            INTEGER,
    reb            INTEGER,
    ast            INTEGER,
    stl            INTEGER,
    blk            INTEGER,
    turnover       INTEGER,
    pf             INTEGER,
    fgm            INTEGER,
    fga            INTEGER,
    fg3m           INTEGER,
    fg3a           INTEGER,
    ftm            INTEGER,
    fta            INTEGER,
    oreb           INTEGER,
    dreb           INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (game_date, player_id)
);

-- The canonical schedule: one row per game across sources. game_key = yyyyMMdd_AWY_HOM (US-Eastern date).
CREATE TABLE game (
    game_key       VARCHAR PRIMARY KEY,
    game_date      DATE NOT NULL,
    season         INTEGER,
    home_team      VARCHAR NOT NULL,
    away_team      VARCHAR NOT NULL,
    tip_off        TIMESTAMP,
    status         VARCHAR NOT NULL,      -- scheduled, in_progress, final, postponed
    home_score     INTEGER,
    away_score     INTEGER,
    bdl_game_id    BIGINT,
    nba_game_id    VARCHAR,
    source         VARCHAR NOT NULL
);
CREATE INDEX game_date_idx ON game (game_date);
