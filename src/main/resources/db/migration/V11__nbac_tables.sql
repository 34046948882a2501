-- NBA.com raw tables (stats API, CDN, official.nba.com, team pages, injury-report and game-book PDFs).

CREATE TABLE nbac_schedule (
    game_id          VARCHAR PRIMARY KEY,
    game_code        VARCHAR,
    game_date        DATE NOT NULL,
    game_key         VARCHAR NOT NULL,
    season_year      VARCHAR,
    tip_off          TIMESTAMP,
    home_team        VARCHAR NOT NULL,
    away_team        VARCHAR NOT NULL,
    game_status      INTEGER,
    game_status_text VARCHAR,
    home_score       INTEGER,
    away_score       INTEGER,
    postponed_status VARCHAR,
    is_postponed     BOOLEAN,
    game_label       VARCHAR,
    game_sub_label   VARCHAR,
    arena_name       VARCHAR,
    is_neutral       BOOLEAN,
    payload_id       VARCHAR
);
CREATE INDEX nbac_schedule_date ON nbac_schedule (game_date);

CREATE TABLE nbac_scoreboard_game (
    game_id       VARCHAR PRIMARY KEY,
    game_date     DATE NOT NULL,
    game_key      VARCHAR NOT NULL,
    game_code     VARCHAR,
    season        VARCHAR,
    status_id     INTEGER,
    status_text   VARCHAR,
    home_team     VARCHAR NOT NULL,
    away_team     VARCHAR NOT NULL,
    home_score    INTEGER,
    away_score    INTEGER,
    live_period   INTEGER,
    arena_name    VARCHAR,
    payload_id    VARCHAR
);
CREATE INDEX nbac_scoreboard_game_date ON nbac_scoreboard_game (game_date);

CREATE TABLE nbac_line_score (
    game_id      VARCHAR NOT NULL,
    team         VARCHAR NOT NULL,
    game_date    DATE,
    wins_losses  VARCHAR,
    pts_q1 INTEGER, pts_q2 INTEGER, pts_q3 INTEGER, pts_q4 INTEGER, pts_ot INTEGER,
    pts          INTEGER,
    payload_id   VARCHAR,
    PRIMARY KEY (game_id, team)
);

-- leaguegamelog (PlayerOrTeam=P)
CREATE TABLE nbac_player_game_log (
    game_id        VARCHAR NOT NULL,
    player_id      BIGINT NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR NOT NULL,
    season_id      VARCHAR,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    team           VARCHAR NOT NULL,
    opponent       VARCHAR NOT NULL,
    is_home        BOOLEAN NOT NULL,
    wl             VARCHAR,
    minutes        DOUBLE PRECISION,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER, pts INTEGER, plus_minus INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (game_id, player_id)
);
CREATE INDEX nbac_player_game_log_date ON nbac_player_game_log (game_date);

-- boxscoretraditional (V2 result sets or V3 object). comment holds DNP/DND/NWT reasons.
CREATE TABLE nbac_box_score_player (
    game_id        VARCHAR NOT NULL,
    player_id      BIGINT NOT NULL,
    team           VARCHAR NOT NULL,
    is_home        BOOLEAN,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    start_position VARCHAR,
    is_starter     BOOLEAN,
    minutes        DOUBLE PRECISION,
    played         BOOLEAN,
    comment        VARCHAR,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER, pts INTEGER, plus_minus INTEGER,
    payload_id     VARCHAR,
    PRIMARY KEY (game_id, player_id)
);

CREATE TABLE nbac_box_score_team (
    game_id      VARCHAR NOT NULL,
    team         VARCHAR NOT NULL,
    is_home      BOOLEAN,
    minutes      DOUBLE PRECISION,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, stl INTEGER, blk INTEGER, turnover INTEGER, pf INTEGER, pts INTEGER, plus_minus INTEGER,
    payload_id   VARCHAR,
    PRIMARY KEY (game_id, team)
);

CREATE TABLE nbac_play_by_play (
    game_id          VARCHAR NOT NULL,
    action_number    BIGINT NOT NULL,
    order_number     BIGINT,
    period           INTEGER,
    period_type      VARCHAR,
    clock            VARCHAR,
    seconds_left     DOUBLE PRECISION,
    time_actual      TIMESTAMP,
    team             VARCHAR,
    person_id        BIGINT,
    player_name_i    VARCHAR,
    action_type      VARCHAR,
    sub_type         VARCHAR,
    descriptor       VARCHAR,
    shot_result      VARCHAR,
    is_field_goal    BOOLEAN,
    shot_distance    DOUBLE PRECISION,
    x                DOUBLE PRECISION,
    y                DOUBLE PRECISION,
    score_home       INTEGER,
    score_away       INTEGER,
    points_total     INTEGER,
    assist_person_id BIGINT,
    description      VARCHAR,
    payload_id       VARCHAR,
    PRIMARY KEY (game_id, action_number)
);

-- playerindex: NBA.com's names are the reference spelling of player_lookup.
CREATE TABLE nbac_player (
    player_id      BIGINT PRIMARY KEY,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    first_name     VARCHAR,
    last_name      VARCHAR,
    player_slug    VARCHAR,
    team           VARCHAR,
    jersey_number  VARCHAR,
    position       VARCHAR,
    height         VARCHAR,
    weight         VARCHAR,
    college        VARCHAR,
    country        VARCHAR,
    draft_year     INTEGER,
    draft_round    INTEGER,
    draft_number   INTEGER,
    on_roster      BOOLEAN,
    from_year      VARCHAR,
    to_year        VARCHAR,
    season         VARCHAR,
    payload_id     VARCHAR
);
CREATE INDEX nbac_player_lookup ON nbac_player (player_lookup);

CREATE TABLE nbac_player_movement (
    group_sort        VARCHAR NOT NULL,
    player_id         BIGINT NOT NULL,
    team_id           BIGINT NOT NULL,
    additional_sort   BIGINT NOT NULL,
    transaction_type  VARCHAR NOT NULL,
    transaction_date  DATE,
    description       VARCHAR,
    team              VARCHAR,
    other_team        VARCHAR,
    player_slug       VARCHAR,
    player_lookup     VARCHAR,
    payload_id        VARCHAR,
    PRIMARY KEY (group_sort, player_id, team_id, additional_sort)
);

-- www.nba.com/team/{id}/{slug} roster table, as seen on a date.
CREATE TABLE nbac_roster (
    team              VARCHAR NOT NULL,
    player_id         BIGINT NOT NULL,
    as_of_date        DATE,
    player_name       VARCHAR NOT NULL,
    player_lookup     VARCHAR NOT NULL,
    jersey_number     VARCHAR,
    position          VARCHAR,
    height            VARCHAR,
    weight_lbs        INTEGER,
    birth_date        DATE,
    experience_years  INTEGER,
    school            VARCHAR,
    how_acquired      VARCHAR,
    payload_id        VARCHAR,
    PRIMARY KEY (team, player_id)
);

CREATE TABLE nbac_referee_assignment (
    game_id        VARCHAR NOT NULL,
    slot           INTEGER NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR NOT NULL,
    official_name  VARCHAR NOT NULL,
    official_code  BIGINT,
    jersey_number  VARCHAR,
    payload_id     VARCHAR,
    PRIMARY KEY (game_id, slot)
);
CREATE INDEX nbac_referee_assignment_date ON nbac_referee_assignment (game_date);

-- The official injury report PDF: one row per listed player per report.
CREATE TABLE nbac_injury_report (
    report_at        TIMESTAMP NOT NULL,
    game_key         VARCHAR NOT NULL,
    team             VARCHAR NOT NULL,
    player_lookup    VARCHAR NOT NULL,
    player_name      VARCHAR NOT NULL,
    game_date        DATE NOT NULL,
    game_time_et     VARCHAR,
    tip_off          TIMESTAMP,
    matchup          VARCHAR,
    status           VARCHAR NOT NULL,
    reason           VARCHAR,
    reason_category  VARCHAR,
    payload_id       VARCHAR,
    PRIMARY KEY (report_at, game_key, team, player_lookup)
);
CREATE INDEX nbac_injury_report_date ON nbac_injury_report (game_date);

-- Whether each team of each game had submitted its list at report time.
CREATE TABLE nbac_injury_report_team (
    report_at       TIMESTAMP NOT NULL,
    game_key        VARCHAR NOT NULL,
    team            VARCHAR NOT NULL,
    game_date       DATE NOT NULL,
    tip_off         TIMESTAMP,
    submitted       BOOLEAN NOT NULL,
    players_listed  INTEGER NOT NULL,
    payload_id      VARCHAR,
    PRIMARY KEY (report_at, game_key, team)
);

-- The game book PDF.
CREATE TABLE nbac_gamebook_game (
    game_key             VARCHAR PRIMARY KEY,
    game_date            DATE NOT NULL,
    away_team            VARCHAR NOT NULL,
    home_team            VARCHAR NOT NULL,
    arena                VARCHAR,
    officials            VARCHAR,
    attendance           INTEGER,
    duration             VARCHAR,
    active_players       INTEGER NOT NULL,
    not_playing_players  INTEGER NOT NULL,
    payload_id           VARCHAR
);

-- status: active, dnp, dnd, nwt, inactive. name_is_partial: the book printed a last name only.
CREATE TABLE nbac_gamebook_player (
    game_key         VARCHAR NOT NULL,
    team             VARCHAR NOT NULL,
    player_lookup    VARCHAR NOT NULL,
    game_date        DATE NOT NULL,
    player_name      VARCHAR NOT NULL,
    jersey_number    VARCHAR,
    name_is_partial  BOOLEAN,
    status           VARCHAR NOT NULL,
    reason           VARCHAR,
    position         VARCHAR,
    minutes          DOUBLE PRECISION,
    fgm INTEGER, fga INTEGER, fg3m INTEGER, fg3a INTEGER, ftm INTEGER, fta INTEGER, oreb INTEGER, dreb INTEGER,
    reb INTEGER, ast INTEGER, pf INTEGER, stl INTEGER, turnover INTEGER, blk INTEGER, plus_minus INTEGER, pts INTEGER,
    payload_id       VARCHAR,
    PRIMARY KEY (game_key, team, player_lookup)
);
CREATE INDEX nbac_gamebook_player_date ON nbac_gamebook_player (game_date);
