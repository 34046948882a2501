-- Player identity across sources, and source quotas.

-- A name a source used that matches no known player (no roster, player list or box score knows
-- its player_lookup). Never dropped silently: listed here for a human to add an alias or fix.
CREATE TABLE unmatched_player (
    source         VARCHAR NOT NULL,
    player_lookup  VARCHAR NOT NULL,
    player_name    VARCHAR NOT NULL,
    context        VARCHAR,
    first_seen     TIMESTAMP NOT NULL,
    PRIMARY KEY (source, player_lookup)
);

-- Every player_lookup some source knows with an id: the registry unmatched names are checked against.
CREATE VIEW player_registry AS
    SELECT player_lookup, 'nbac_player' AS source FROM nbac_player
    UNION SELECT player_lookup, 'nbac_roster' FROM nbac_roster
    UNION SELECT player_lookup, 'nbac_player_game_log' FROM nbac_player_game_log
    UNION SELECT player_lookup, 'nbac_box_score_player' FROM nbac_box_score_player
    UNION SELECT player_lookup, 'bdl_player' FROM bdl_player
    UNION SELECT player_lookup, 'bdl_box_score_player' FROM bdl_box_score_player
    UNION SELECT player_lookup, 'bdl_player_stat' FROM bdl_player_stat
    UNION SELECT player_lookup, 'espn_roster' FROM espn_roster
    UNION SELECT player_lookup, 'espn_roster_api' FROM espn_roster_api
    UNION SELECT player_lookup, 'espn_box_score_player' FROM espn_box_score_player
    UNION SELECT player_lookup, 'br_roster' FROM br_roster;

-- The latest quota headers a source sent (The Odds API: x-requests-remaining / x-requests-used).
CREATE TABLE source_quota (
    source           VARCHAR PRIMARY KEY,
    requests_remaining BIGINT,
    requests_used    BIGINT,
    requests_last    BIGINT,
    observed_at      TIMESTAMP NOT NULL,
    nearly_used_up   BOOLEAN NOT NULL
);
