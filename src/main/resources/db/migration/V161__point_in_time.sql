-- Point-in-time collection (V161: issue 16). A "now" source (a list as it stands when fetched, with no date of its
-- own, e.g. balldontlie's injury list) asked for a date after that date's cut-off (its first tip-off) is never fetched
-- and stamped with the date: the snapshot archived before the cut-off stands for it. When there is none, the gap is
-- recorded here: the features that read the source are degraded and the date's predictions are not pickable, with
-- this reason shown on the status, the dashboard and the exports. A later run that finds a snapshot clears the row.
CREATE TABLE point_in_time_gap (
    game_date    DATE NOT NULL,
    source       VARCHAR NOT NULL,   -- the source endpoint's name (bdl_injuries)
    reason       VARCHAR NOT NULL,
    recorded_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (game_date, source)
);

-- Injuries by game: the date a balldontlie listing was reported on (the "Mon D:" of its description) and the date of
-- the game it names ("... for Tuesday's game": the first such weekday on or after the report). A listing applies to
-- that game or later ones, never an earlier one; without a named game, to the player's games from the report on.
ALTER TABLE bdl_injury ADD COLUMN reported_on DATE;
ALTER TABLE bdl_injury ADD COLUMN for_game_date DATE;

-- Why a date's feature vectors are degraded (a point-in-time gap of a source they read), or null.
ALTER TABLE feature_store ADD COLUMN degraded VARCHAR;
