-- The sandbox league's ground truth: for every player-game, the means of the distributions the
-- generator drew the box score from. Used only to evaluate predictions, never to make them.
CREATE TABLE sandbox_truth (
    game_key        VARCHAR NOT NULL,          -- yyyyMMdd_AWY_HOM (US-Eastern date)
    game_date       DATE NOT NULL,
    player_lookup   VARCHAR NOT NULL,          -- io.nbaprops.identity.PlayerLookup
    player_id       BIGINT NOT NULL,           -- NBA.com person id
    team            VARCHAR NOT NULL,          -- NBA tricode
    seed            BIGINT NOT NULL,           -- the generator seed of the season
    exp_pts         DOUBLE PRECISION NOT NULL,
    exp_reb         DOUBLE PRECISION NOT NULL,
    exp_ast         DOUBLE PRECISION NOT NULL,
    exp_fg3m        DOUBLE PRECISION NOT NULL,
    exp_minutes     DOUBLE PRECISION NOT NULL,
    active          BOOLEAN NOT NULL,          -- false: ruled out before tip-off
    played          BOOLEAN NOT NULL,          -- got minutes
    PRIMARY KEY (game_key, player_lookup)
);
CREATE INDEX sandbox_truth_date ON sandbox_truth (game_date);
