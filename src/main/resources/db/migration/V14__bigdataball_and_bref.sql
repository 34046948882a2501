-- BigDataBall play-by-play CSV and Basketball-Reference rosters.

CREATE TABLE bdb_play_by_play (
    game_id         VARCHAR NOT NULL,
    play_id         INTEGER NOT NULL,
    nba_game_id     VARCHAR,
    game_date       DATE NOT NULL,
    game_key        VARCHAR,
    data_set        VARCHAR,
    period          INTEGER,
    away_score      INTEGER,
    home_score      INTEGER,
    remaining_time  VARCHAR,
    elapsed         VARCHAR,
    team            VARCHAR,
    event_type      VARCHAR,
    play_type       VARCHAR,
    player_name     VARCHAR,
    player_lookup   VARCHAR,
    assist          VARCHAR,
    block           VARCHAR,
    steal           VARCHAR,
    points          INTEGER,
    result          VARCHAR,
    reason          VARCHAR,
    shot_distance   DOUBLE PRECISION,
    a1 VARCHAR, h1 VARCHAR, a2 VARCHAR, h2 VARCHAR, a3 VARCHAR, h3 VARCHAR, a4 VARCHAR, h4 VARCHAR, a5 VARCHAR, h5 VARCHAR,
    description     VARCHAR,
    payload_id      VARCHAR,
    PRIMARY KEY (game_id, play_id)
);
CREATE INDEX bdb_play_by_play_date ON bdb_play_by_play (game_date);

CREATE TABLE bdb_discovery (
    check_date   DATE PRIMARY KEY,
    status       VARCHAR NOT NULL,
    files_found  INTEGER,
    checked_at   TIMESTAMP,
    payload_id   VARCHAR
);

-- season is "2024-25"; names as printed (unicode, suffixes), player_lookup folds them.
CREATE TABLE br_roster (
    season            VARCHAR NOT NULL,
    team              VARCHAR NOT NULL,
    br_player_id      VARCHAR NOT NULL,
    player_name       VARCHAR NOT NULL,
    player_lookup     VARCHAR NOT NULL,
    jersey_number     VARCHAR,
    position          VARCHAR,
    height            VARCHAR,
    weight_lbs        INTEGER,
    birth_date        DATE,
    experience_years  INTEGER,
    college           VARCHAR,
    payload_id        VARCHAR,
    PRIMARY KEY (season, team, br_player_id)
);
