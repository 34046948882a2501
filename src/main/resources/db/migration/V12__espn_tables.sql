-- ESPN raw tables: scoreboard API, box-score page, roster page and roster API.

CREATE TABLE espn_scoreboard_game (
    espn_game_id   VARCHAR PRIMARY KEY,
    game_date      DATE NOT NULL,
    game_key       VARCHAR NOT NULL,
    tip_off        TIMESTAMP NOT NULL,
    home_team      VARCHAR NOT NULL,
    away_team      VARCHAR NOT NULL,
    home_score     INTEGER,
    away_score     INTEGER,
    status         VARCHAR,
    state          VARCHAR,
    completed      BOOLEAN,
    period         INTEGER,
    season_year    INTEGER,
    season_type    INTEGER,
    attendance     INTEGER,
    payload_id     VARCHAR
);
CREATE INDEX espn_scoreboard_game_date ON espn_scoreboard_game (game_date);

CREATE TABLE espn_box_score_player (
    espn_game_id    VARCHAR NOT NULL,
    espn_player_id  BIGINT NOT NULL,
    game_date       DATE NOT NULL,
    game_key        VARCHAR NOT NULL,
    team            VARCHAR NOT NULL,
    is_home         BOOLEAN NOT NULL,
    is_starter      BOOLEAN NOT NULL,
    player_name     VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    jersey_number   VARCHAR,
    dnp_reason      VARCHAR,
    minutes         DOUBLE PRECISION,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER, plus_minus INTEGER, pts INTEGER,
    payload_id      VARCHAR,
    PRIMARY KEY (espn_game_id, espn_player_id)
);
CREATE INDEX espn_box_score_player_date ON espn_box_score_player (game_date);

CREATE TABLE espn_box_score_team (
    espn_game_id   VARCHAR NOT NULL,
    team           VARCHAR NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR NOT NULL,
    is_home        BOOLEAN NOT NULL,
    minutes        DOUBLE PRECISION,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER, plus_minus INTEGER, pts INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (espn_game_id, team)
);

CREATE TABLE espn_roster (
    team            VARCHAR NOT NULL,
    espn_player_id  BIGINT NOT NULL,
    as_of_date      DATE,
    player_name     VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    jersey_number   VARCHAR,
    position        VARCHAR,
    age             INTEGER,
    height_inches   INTEGER,
    weight_lbs      INTEGER,
    college         VARCHAR,
    salary_text     VARCHAR,
    payload_id      VARCHAR,
    PRIMARY KEY (team, espn_player_id)
);

CREATE TABLE espn_roster_api (
    team            VARCHAR NOT NULL,
    espn_player_id  BIGINT NOT NULL,
    as_of_date      DATE,
    player_name     VARCHAR NOT NULL,
    player_lookup   VARCHAR NOT NULL,
    jersey_number   VARCHAR,
    position        VARCHAR,
    age             INTEGER,
    height_inches   INTEGER,
    weight_lbs      INTEGER,
    roster_status   VARCHAR,
    injury_status   VARCHAR,
    injury_date     TIMESTAMP,
    injury_type     VARCHAR,
    payload_id      VARCHAR,
    PRIMARY KEY (team, espn_player_id)
);
