-- Sportsbook data: The Odds API and BettingPros raw tables, and the cross-source line history
-- (prop_line, game_line) built from them. Prices: as given (decimal or American) plus an American integer.

CREATE TABLE oddsa_event (
    event_id       VARCHAR PRIMARY KEY,
    sport_key      VARCHAR,
    commence_time  TIMESTAMP NOT NULL,
    game_date      DATE NOT NULL,
    game_key       VARCHAR NOT NULL,
    home_team      VARCHAR NOT NULL,
    away_team      VARCHAR NOT NULL,
    snapshot_at    TIMESTAMP,
    payload_id     VARCHAR
);
CREATE INDEX oddsa_event_date ON oddsa_event (game_date);

-- One player's Over/Under in one market at one book at one snapshot.
CREATE TABLE oddsa_player_prop (
    event_id         VARCHAR NOT NULL,
    bookmaker        VARCHAR NOT NULL,
    market           VARCHAR NOT NULL,
    player_lookup    VARCHAR NOT NULL,
    snapshot_at      TIMESTAMP NOT NULL,
    game_key         VARCHAR NOT NULL,
    game_date        DATE NOT NULL,
    commence_time    TIMESTAMP NOT NULL,
    player_name      VARCHAR NOT NULL,
    book_title       VARCHAR,
    book_updated_at  TIMESTAMP,
    in_game          BOOLEAN NOT NULL,
    over_point       DOUBLE PRECISION,
    over_price       DOUBLE PRECISION,
    over_american    INTEGER,
    under_point      DOUBLE PRECISION,
    under_price      DOUBLE PRECISION,
    under_american   INTEGER,
    price_format     VARCHAR,
    payload_id       VARCHAR,
    PRIMARY KEY (event_id, bookmaker, market, player_lookup, snapshot_at)
);
CREATE INDEX oddsa_player_prop_date ON oddsa_player_prop (game_date);

-- One outcome (home/away/over/under) of a game market at one book at one snapshot.
CREATE TABLE oddsa_game_line (
    event_id         VARCHAR NOT NULL,
    bookmaker        VARCHAR NOT NULL,
    market           VARCHAR NOT NULL,
    side             VARCHAR NOT NULL,
    snapshot_at      TIMESTAMP NOT NULL,
    game_key         VARCHAR NOT NULL,
    game_date        DATE NOT NULL,
    commence_time    TIMESTAMP NOT NULL,
    outcome_name     VARCHAR NOT NULL,
    team             VARCHAR,
    point            DOUBLE PRECISION,
    price            DOUBLE PRECISION,
    price_american   INTEGER,
    price_format     VARCHAR,
    book_title       VARCHAR,
    book_updated_at  TIMESTAMP,
    in_game          BOOLEAN NOT NULL,
    payload_id       VARCHAR,
    PRIMARY KEY (event_id, bookmaker, market, side, snapshot_at)
);
CREATE INDEX oddsa_game_line_date ON oddsa_game_line (game_date);

CREATE TABLE bp_event (
    event_id     BIGINT PRIMARY KEY,
    game_date    DATE NOT NULL,
    game_key     VARCHAR NOT NULL,
    tip_off      TIMESTAMP NOT NULL,
    home_team    VARCHAR NOT NULL,
    away_team    VARCHAR NOT NULL,
    status       VARCHAR,
    season       INTEGER,
    season_type  VARCHAR,
    home_score   INTEGER,
    away_score   INTEGER,
    payload_id   VARCHAR
);
CREATE INDEX bp_event_date ON bp_event (game_date);

CREATE TABLE bp_event_lineup (
    event_id       BIGINT NOT NULL,
    bp_player_id   BIGINT NOT NULL,
    team           VARCHAR NOT NULL,
    player_name    VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    lineup_status  VARCHAR,
    position       VARCHAR,
    jersey_number  VARCHAR,
    payload_id     VARCHAR,
    PRIMARY KEY (event_id, bp_player_id)
);

CREATE TABLE bp_player_prop (
    event_id             BIGINT NOT NULL,
    market               VARCHAR NOT NULL,
    player_lookup        VARCHAR NOT NULL,
    bookmaker            VARCHAR NOT NULL,
    snapshot_at          TIMESTAMP NOT NULL,
    market_id            BIGINT,
    book_id              BIGINT,
    offer_id             VARCHAR,
    player_name          VARCHAR NOT NULL,
    player_team          VARCHAR,
    over_line            DOUBLE PRECISION,
    over_price           DOUBLE PRECISION,
    over_american        INTEGER,
    opening_over_line    DOUBLE PRECISION,
    opening_over_price   DOUBLE PRECISION,
    under_line           DOUBLE PRECISION,
    under_price          DOUBLE PRECISION,
    under_american       INTEGER,
    opening_under_line   DOUBLE PRECISION,
    opening_under_price  DOUBLE PRECISION,
    book_updated_at      TIMESTAMP,
    payload_id           VARCHAR,
    PRIMARY KEY (event_id, market, player_lookup, bookmaker, snapshot_at)
);

-- The line history of player props across sources: every snapshot kept. A snapshot at or after
-- tip-off is in_game and never the line. flagged rows (placeholder values, missing line, absurd
-- prices) are never used for a recommendation. is_opening / is_closing mark the first and last
-- usable pre-game snapshot per (game, player, market, book).
CREATE TABLE prop_line (
    game_key              VARCHAR NOT NULL,
    player_lookup         VARCHAR NOT NULL,
    market                VARCHAR NOT NULL,
    book                  VARCHAR NOT NULL,
    snapshot_at           TIMESTAMP NOT NULL,
    game_date             DATE NOT NULL,
    source                VARCHAR NOT NULL,
    player_name           VARCHAR,
    tip_off               TIMESTAMP,
    line                  DOUBLE PRECISION,
    over_price            DOUBLE PRECISION,
    under_price           DOUBLE PRECISION,
    price_format          VARCHAR,
    over_price_american   INTEGER,
    under_price_american  INTEGER,
    in_game               BOOLEAN NOT NULL,
    flagged               BOOLEAN NOT NULL,
    flag_reason           VARCHAR,
    is_opening            BOOLEAN NOT NULL,
    is_closing            BOOLEAN NOT NULL,
    PRIMARY KEY (game_key, player_lookup, market, book, snapshot_at)
);
CREATE INDEX prop_line_date ON prop_line (game_date);

-- Game lines (moneyline, spread, total) per book and snapshot, both sides on one row.
-- spread: home_point/away_point; total: total_point with over/under prices; moneyline: prices only.
CREATE TABLE game_line (
    game_key              VARCHAR NOT NULL,
    market                VARCHAR NOT NULL,
    book                  VARCHAR NOT NULL,
    snapshot_at           TIMESTAMP NOT NULL,
    game_date             DATE NOT NULL,
    source                VARCHAR NOT NULL,
    tip_off               TIMESTAMP,
    home_point            DOUBLE PRECISION,
    away_point            DOUBLE PRECISION,
    total_point           DOUBLE PRECISION,
    home_price_american   INTEGER,
    away_price_american   INTEGER,
    over_price_american   INTEGER,
    under_price_american  INTEGER,
    in_game               BOOLEAN NOT NULL,
    flagged               BOOLEAN NOT NULL,
    flag_reason           VARCHAR,
    is_opening            BOOLEAN NOT NULL,
    is_closing            BOOLEAN NOT NULL,
    PRIMARY KEY (game_key, market, book, snapshot_at)
);
CREATE INDEX game_line_date ON game_line (game_date);

-- The only lines a recommendation may use: real book, real snapshot, before tip-off, not flagged.
CREATE VIEW prop_line_usable AS
    SELECT * FROM prop_line WHERE NOT flagged AND NOT in_game AND line IS NOT NULL;

CREATE VIEW game_line_usable AS
    SELECT * FROM game_line WHERE NOT flagged AND NOT in_game;
