-- Phase 3 analytics tables (V30-V39 are analytics and features).

-- Where each team plays: for travel distance and time zones crossed. Standard-time UTC offsets
-- (Phoenix keeps -7 all year; the others shift together in summer, so differences hold).
CREATE TABLE team_arena (
    team            VARCHAR PRIMARY KEY,
    latitude        DOUBLE PRECISION NOT NULL,
    longitude       DOUBLE PRECISION NOT NULL,
    time_zone       VARCHAR NOT NULL,
    utc_offset      INTEGER NOT NULL
);
INSERT INTO team_arena (team, latitude, longitude, time_zone, utc_offset) VALUES
    ('ATL', 33.757, -84.396, 'America/New_York', -5),
    ('BOS', 42.366, -71.062, 'America/New_York', -5),
    ('BKN', 40.683, -73.976, 'America/New_York', -5),
    ('CHA', 35.225, -80.839, 'America/New_York', -5),
    ('CHI', 41.881, -87.674, 'America/Chicago', -6),
    ('CLE', 41.496, -81.688, 'America/New_York', -5),
    ('DAL', 32.790, -96.810, 'America/Chicago', -6),
    ('DEN', 39.749, -105.008, 'America/Denver', -7),
    ('DET', 42.341, -83.055, 'America/New_York', -5),
    ('GSW', 37.768, -122.388, 'America/Los_Angeles', -8),
    ('HOU', 29.751, -95.362, 'America/Chicago', -6),
    ('IND', 39.764, -86.156, 'America/New_York', -5),
    ('LAC', 33.945, -118.343, 'America/Los_Angeles', -8),
    ('LAL', 34.043, -118.267, 'America/Los_Angeles', -8),
    ('MEM', 35.138, -90.051, 'America/Chicago', -6),
    ('MIA', 25.781, -80.188, 'America/New_York', -5),
    ('MIL', 43.045, -87.917, 'America/Chicago', -6),
    ('MIN', 44.979, -93.276, 'America/Chicago', -6),
    ('NOP', 29.949, -90.082, 'America/Chicago', -6),
    ('NYK', 40.751, -73.993, 'America/New_York', -5),
    ('OKC', 35.463, -97.515, 'America/Chicago', -6),
    ('ORL', 28.539, -81.384, 'America/New_York', -5),
    ('PHI', 39.901, -75.172, 'America/New_York', -5),
    ('PHX', 33.446, -112.071, 'America/Phoenix', -7),
    ('POR', 45.532, -122.667, 'America/Los_Angeles', -8),
    ('SAC', 38.580, -121.500, 'America/Los_Angeles', -8),
    ('SAS', 29.427, -98.438, 'America/Chicago', -6),
    ('TOR', 43.643, -79.379, 'America/Toronto', -5),
    ('UTA', 40.768, -111.901, 'America/Denver', -7),
    ('WAS', 38.898, -77.021, 'America/New_York', -5);

-- Offence and defence of each team in each game.
CREATE TABLE team_game_summary (
    game_key        VARCHAR NOT NULL,
    team            VARCHAR NOT NULL,
    game_date       DATE NOT NULL,
    opponent        VARCHAR NOT NULL,
    is_home         BOOLEAN NOT NULL,
    pts             INTEGER NOT NULL,
    opp_pts         INTEGER NOT NULL,
    won             BOOLEAN NOT NULL,
    minutes         DOUBLE PRECISION NOT NULL,   -- team minutes / 5 = game minutes (48, 53 with one OT, ...)
    fga             INTEGER, fgm INTEGER, fg3a INTEGER, fg3m INTEGER, fta INTEGER, ftm INTEGER,
    oreb            INTEGER, dreb INTEGER, tov INTEGER, ast INTEGER,
    possessions     DOUBLE PRECISION NOT NULL,   -- both teams' estimate averaged
    pace            DOUBLE PRECISION NOT NULL,   -- possessions per 48 minutes
    off_rating      DOUBLE PRECISION NOT NULL,   -- points per 100 possessions
    def_rating      DOUBLE PRECISION NOT NULL,   -- opponent points per 100 possessions
    opp_fg3a_rate   DOUBLE PRECISION,            -- share of the opponent's shots that were threes (three allowed)
    opp_fta_rate    DOUBLE PRECISION,            -- opponent free throws per shot (fouls allowed)
    opp_fg2_pct     DOUBLE PRECISION,            -- opponent two-point percentage (inside/mid-range allowed)
    opp_fg3_pct     DOUBLE PRECISION,
    PRIMARY KEY (game_key, team)
);
CREATE INDEX team_game_summary_date ON team_game_summary (game_date);
CREATE INDEX team_game_summary_team ON team_game_summary (team, game_date);
